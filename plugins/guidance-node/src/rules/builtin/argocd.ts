import { ManifestObject, RuleInput } from '../types';
import { bodyOf, isRecord } from './kubernetes';

/** What the Argo CD rules read of an Application, or of the Applications an ApplicationSet generates. */
export type ArgoApplication = {
  object: ManifestObject;
  /** `metadata` of the Application, or of the ApplicationSet's template. */
  metadata: Record<string, any>;
  /** `spec` of the Application, or of the ApplicationSet's template. */
  spec: Record<string, any>;
  /** Where `metadata` and `spec` sit in the object: `[]` or `['spec', 'template']`. */
  at: string[];
  /** `Application "web"` or `ApplicationSet "prod-apps" (its template)`, for messages. */
  label: string;
};

const isArgoKind = (object: ManifestObject, kind: string) =>
  object.kind === kind && object.apiVersion.startsWith('argoproj.io/');

/** Every Argo CD Application among the objects, and every ApplicationSet's template. */
export function argoApplicationsOf(input: RuleInput): ArgoApplication[] {
  const found: ArgoApplication[] = [];
  for (const object of input.objects) {
    const body = bodyOf(object);
    if (isArgoKind(object, 'Application')) {
      found.push({
        object,
        metadata: isRecord(body.metadata) ? body.metadata : {},
        spec: isRecord(body.spec) ? body.spec : {},
        at: [],
        label: `Application "${object.name}"`,
      });
    } else if (isArgoKind(object, 'ApplicationSet')) {
      const template = body.spec?.template;
      if (!isRecord(template)) continue;
      found.push({
        object,
        metadata: isRecord(template.metadata) ? template.metadata : {},
        spec: isRecord(template.spec) ? template.spec : {},
        at: ['spec', 'template'],
        label: `ApplicationSet "${object.name}" (its template)`,
      });
    }
  }
  return found;
}

/** A value still holding an ApplicationSet or Helm template expression: judged once rendered. */
export const isTemplated = (value: unknown) =>
  typeof value === 'string' && /\{\{.*\}\}/.test(value);

/** `syncOptions` as `name=value` pairs; a malformed entry is left out. */
export function syncOptionsOf(spec: Record<string, any>): Map<string, string> {
  const options = new Map<string, string>();
  const list = spec.syncPolicy?.syncOptions;
  for (const entry of Array.isArray(list) ? list : []) {
    if (typeof entry !== 'string') continue;
    const eq = entry.indexOf('=');
    if (eq > 0)
      options.set(entry.slice(0, eq).trim(), entry.slice(eq + 1).trim());
  }
  return options;
}
