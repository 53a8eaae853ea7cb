import { GuidanceRule } from '../types';
import { checkContainers } from './kubernetes';

const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIALS)/i;
/** Variables that point at a mounted secret hold a path, not the secret. */
const SECRET_REFERENCE = /_(FILE|PATH|DIR)$/i;

/** A secret written into a manifest is in Git, in every render and in `kubectl get -o yaml`. */
export const secretEnvRule: GuidanceRule = {
  id: 'secret-env',
  title:
    'Secret-looking environment variables come from a Secret, never a plain value',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: { id: 'secret-management-patterns', section: 'rule-secret-env' },
  check: input =>
    checkContainers(input, {
      check: ({ container, label }) => {
        const plain = (Array.isArray(container.env) ? container.env : [])
          .map(variable => variable?.name)
          .filter(
            (name, i): name is string =>
              typeof name === 'string' &&
              SECRET_NAME.test(name) &&
              !SECRET_REFERENCE.test(name) &&
              container.env![i].value !== undefined,
          );
        if (plain.length === 0) {
          return {
            ok: true,
            message: `${label} sets no secret as a plain value`,
          };
        }
        return plain.map(name => ({
          ok: false,
          message: `${label} sets ${name} as a plain value: use valueFrom.secretKeyRef`,
        }));
      },
    }),
};
