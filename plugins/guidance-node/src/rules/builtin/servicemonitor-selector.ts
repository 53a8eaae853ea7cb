import { GuidanceRule, ManifestObject, RuleFinding, RuleInput } from '../types';
import {
  Labels,
  bodyOf,
  fail,
  formatLabels,
  isRecord,
  mapMatches,
  pass,
  sameNamespace,
  unmatched,
} from './kubernetes';

function checkServiceMonitor(
  input: RuleInput,
  monitor: ManifestObject,
  services: ManifestObject[],
): RuleFinding[] {
  const spec = bodyOf(monitor).spec;
  const matchLabels: Labels = isRecord(spec?.selector?.matchLabels)
    ? spec.selector.matchLabels
    : {};
  if (Object.keys(matchLabels).length === 0) {
    return [
      fail(
        monitor,
        'has no selector.matchLabels: name the labels of the Service to scrape',
      ),
    ];
  }
  // Without a namespaceSelector a ServiceMonitor only looks in its own namespace.
  const anyNamespace = isRecord(spec?.namespaceSelector);
  const selected = services.filter(
    s =>
      (anyNamespace || sameNamespace(s, monitor)) &&
      mapMatches(matchLabels, bodyOf(s).metadata?.labels ?? {}),
  );
  if (selected.length === 0) {
    return [
      unmatched(
        input,
        monitor,
        `selector.matchLabels ${formatLabels(
          matchLabels,
        )} matches the labels of no Service`,
      ),
    ];
  }
  const portNamesOf = (service: ManifestObject): string[] => {
    const ports = bodyOf(service).spec?.ports;
    return (Array.isArray(ports) ? ports : [])
      .map((p: any) => p?.name)
      .filter((name: unknown): name is string => typeof name === 'string');
  };
  const portNames = new Set(selected.flatMap(portNamesOf));
  const endpoints: any[] = Array.isArray(spec?.endpoints) ? spec.endpoints : [];
  if (endpoints.length === 0) {
    return [fail(monitor, 'has no endpoints to scrape')];
  }
  const findings: RuleFinding[] = [];
  endpoints.forEach((endpoint, index) => {
    if (typeof endpoint?.port !== 'string') {
      findings.push(
        fail(
          monitor,
          `endpoint ${
            index + 1
          } does not name a Service port (endpoints[].port)`,
        ),
      );
    } else if (!portNames.has(endpoint.port)) {
      const names = selected
        .map(s => {
          const ports = portNamesOf(s);
          return `Service/${s.name} (${
            ports.length > 0
              ? `ports ${ports.map(p => `"${p}"`).join(', ')}`
              : 'no named ports'
          })`;
        })
        .join(', ');
      findings.push(
        fail(
          monitor,
          `endpoint port "${endpoint.port}" is not a port name of ${names}`,
        ),
      );
    }
  });
  if (findings.length === 0) {
    findings.push(
      pass(
        monitor,
        `scrapes ${selected.map(s => `Service/${s.name}`).join(', ')}`,
      ),
    );
  }
  return findings;
}

/** A ServiceMonitor that selects nothing produces no targets and no error: dashboards just go empty. */
export const serviceMonitorSelectorRule: GuidanceRule = {
  id: 'servicemonitor-selector',
  title:
    'Every ServiceMonitor selects a Service and scrapes one of its named ports',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: {
    id: 'prometheus-grafana-monitoring',
    section: 'rule-servicemonitor-selector',
  },
  check(input) {
    const services = input.objects.filter(o => o.kind === 'Service');
    return input.objects
      .filter(o => o.kind === 'ServiceMonitor')
      .flatMap(monitor => checkServiceMonitor(input, monitor, services));
  },
};
