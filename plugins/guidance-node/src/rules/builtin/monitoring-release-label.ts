import { parse } from 'yaml';
import { GuidanceRule, RuleFinding, RuleInput } from '../types';
import {
  LabelSelector,
  bodyOf,
  formatLabels,
  isRecord,
  refOf,
  selectorMatches,
} from './kubernetes';
import { yamlPosition } from './yamlPositions';

const CHART = 'kube-prometheus-stack';

/** The Prometheus Operator objects a Prometheus selects, and the values that say how. */
const SELECTED_KINDS: Record<string, string> = {
  ServiceMonitor: 'serviceMonitor',
  PodMonitor: 'podMonitor',
  PrometheusRule: 'rule',
};

/** kube-prometheus-stack values among the files, with the release name when the files say it. */
type StackValues = {
  where: string;
  prometheusSpec: Record<string, any>;
  release?: string;
};

function valuesOf(value: unknown): Record<string, any> | undefined {
  if (typeof value === 'string') {
    try {
      const parsed = parse(value);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isRecord(value) ? value : undefined;
}

function stacksOf(input: RuleInput): StackValues[] {
  const stacks: StackValues[] = [];
  const add = (where: string, values: unknown, release?: string) => {
    const spec = valuesOf(values)?.prometheus?.prometheusSpec;
    stacks.push({
      where,
      prometheusSpec: isRecord(spec) ? spec : {},
      release,
    });
  };
  for (const object of input.objects) {
    const body = bodyOf(object);
    // Flux: the release is <targetNamespace>-<name> unless releaseName says otherwise
    if (
      object.kind === 'HelmRelease' &&
      object.apiVersion.startsWith('helm.toolkit.fluxcd.io/') &&
      body.spec?.chart?.spec?.chart === CHART
    ) {
      const target = body.spec?.targetNamespace;
      add(
        refOf(object),
        body.spec?.values,
        body.spec?.releaseName ??
          (target ? `${target}-${object.name}` : object.name),
      );
    }
    // Argo CD: the release is the Application's name unless helm.releaseName says otherwise
    if (
      object.kind === 'Application' &&
      object.apiVersion.startsWith('argoproj.io/')
    ) {
      const sources = [
        body.spec?.source,
        ...(Array.isArray(body.spec?.sources) ? body.spec.sources : []),
      ];
      for (const source of sources) {
        if (!isRecord(source) || source.chart !== CHART) continue;
        add(
          refOf(object),
          source.helm?.valuesObject ?? source.helm?.values,
          source.helm?.releaseName ?? object.name,
        );
      }
    }
  }
  // a values file: prometheus.prometheusSpec at the top, no kind
  for (const doc of input.documents ?? []) {
    const body = doc.body;
    if (!isRecord(body) || body.kind !== undefined) continue;
    if (isRecord(body.prometheus?.prometheusSpec)) add(doc.file, body);
  }
  return stacks;
}

/**
 * What a kube-prometheus-stack Prometheus selects of one kind: an explicit selector, everything
 * (`*SelectorNilUsesHelmValues: false` and no selector), or the `release` label (the default).
 */
function selectorOf(
  spec: Record<string, any>,
  prefix: string,
  release: string | undefined,
): { selector?: LabelSelector; releaseLabel?: true; text: string } {
  const selector = spec[`${prefix}Selector`];
  if (isRecord(selector) && Object.keys(selector).length > 0) {
    const labels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
    return {
      selector: selector as LabelSelector,
      text: `its ${prefix}Selector (${formatLabels(labels) || 'expressions'})`,
    };
  }
  if (spec[`${prefix}SelectorNilUsesHelmValues`] === false) {
    return { selector: {}, text: 'everything' };
  }
  return release
    ? {
        selector: { matchLabels: { release } },
        text: `the label release=${release} (${prefix}SelectorNilUsesHelmValues is true by default)`,
      }
    : {
        releaseLabel: true,
        text: `the label release=<Helm release name> (${prefix}SelectorNilUsesHelmValues is true by default)`,
      };
}

/**
 * With kube-prometheus-stack's defaults its Prometheus loads only ServiceMonitors, PodMonitors
 * and PrometheusRules labelled with the Helm release: one without the label is ignored without
 * an error, and its targets and alerts never appear.
 */
export const monitoringReleaseLabelRule: GuidanceRule = {
  id: 'monitoring-release-label',
  title:
    "ServiceMonitors and PrometheusRules carry the labels kube-prometheus-stack's Prometheus selects",
  severity: 'warning',
  fileKinds: ['kubernetes', 'prometheus-rules'],
  article: {
    id: 'minikube-prometheus-grafana',
    section: 'rule-monitoring-release-label',
  },
  check(input) {
    const stacks = stacksOf(input);
    if (stacks.length === 0) return [];
    const findings: RuleFinding[] = [];
    for (const object of input.objects) {
      const prefix = SELECTED_KINDS[object.kind];
      if (!prefix || !object.apiVersion.startsWith('monitoring.coreos.com/'))
        continue;
      const labels = isRecord(bodyOf(object).metadata?.labels)
        ? (bodyOf(object).metadata.labels as Record<string, string>)
        : {};
      for (const stack of stacks) {
        const { selector, releaseLabel, text } = selectorOf(
          stack.prometheusSpec,
          prefix,
          stack.release,
        );
        const selected = releaseLabel
          ? typeof labels.release === 'string' && labels.release !== ''
          : selectorMatches(selector!, labels);
        findings.push({
          status: selected ? 'pass' : 'fail',
          file: object.file,
          object: refOf(object),
          ...yamlPosition(input, object.file, object.index, [
            'metadata',
            'labels',
          ]),
          message: selected
            ? `is selected by the Prometheus of ${stack.where}, which loads ${text}`
            : `is ignored by the Prometheus of ${
                stack.where
              }, which loads only ${text}; its labels are ${
                formatLabels(labels) || 'none'
              }`,
        });
      }
    }
    return findings;
  },
};
