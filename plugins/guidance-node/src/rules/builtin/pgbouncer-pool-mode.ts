import { GuidanceRule, RuleFinding } from '../types';
import { configObjectOf, pgBouncerConfigsOf } from './pgbouncer';

/**
 * PgBouncer's pool mode is chosen, not defaulted: the default, `session`, holds a server
 * connection for as long as a client stays connected, so application pools that keep idle
 * connections open get no multiplexing at all. Transaction mode is the usual choice; what
 * needs session state gets an alias of its own with `pool_mode=session`.
 */
export const pgbouncerPoolModeRule: GuidanceRule = {
  id: 'pgbouncer-pool-mode',
  title: 'PgBouncer sets pool_mode (transaction, with session only per alias)',
  severity: 'warning',
  fileKinds: ['pgbouncer'],
  article: {
    id: 'database-connection-pooling',
    section: 'rule-pgbouncer-pool-mode',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const config of pgBouncerConfigsOf(input)) {
      const mode = config.settings.get('pool_mode');
      const sessionAliases = config.databases
        .filter(d => d.params.get('pool_mode')?.toLowerCase() === 'session')
        .map(d => d.name);
      const base = {
        file: config.file,
        ...configObjectOf(config),
      };
      const value = mode?.value.toLowerCase();
      if (!mode) {
        findings.push({
          ...base,
          ...config.position(config.settingsLine),
          status: 'fail',
          message: `${config.label} sets no pool_mode, so every pool runs in session mode (the default): a server connection stays with a client until it disconnects; set pool_mode = transaction`,
        });
      } else if (value === 'session') {
        findings.push({
          ...base,
          ...config.position(mode.line),
          status: 'fail',
          message: `${config.label} sets pool_mode = session for every pool: idle client connections each hold a server connection; use transaction and give what needs session state its own alias with pool_mode=session`,
        });
      } else if (value === 'transaction' || value === 'statement') {
        findings.push({
          ...base,
          ...config.position(mode.line),
          status: 'pass',
          message: `${config.label} pools in ${value} mode${
            sessionAliases.length > 0
              ? ` (session mode only for ${sessionAliases.join(', ')})`
              : ''
          }`,
        });
      } else {
        findings.push({
          ...base,
          ...config.position(mode.line),
          status: 'fail',
          message: `${config.label} sets pool_mode = ${mode.value}, which PgBouncer does not know (session, transaction or statement)`,
        });
      }
    }
    return findings;
  },
};
