import { GuidanceRule, RuleFinding } from '../types';
import {
  containersOf,
  fail,
  parseImage,
  pass,
  workloadsOf,
} from './kubernetes';

/** Image names (the last path segment) of databases and brokers that keep state on disk. */
const STATEFUL_IMAGES = new Set([
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongo',
  'mongodb',
  'cassandra',
  'elasticsearch',
  'opensearch',
  'rabbitmq',
  'kafka',
  'zookeeper',
  'etcd',
  'nats-streaming',
]);

/**
 * A Deployment's replicas are interchangeable and share nothing: a database in one loses its
 * identity, and its disk, on every reschedule. Stateful software belongs in a StatefulSet
 * (or an operator, or a managed service).
 */
export const databaseInDeploymentRule: GuidanceRule = {
  id: 'database-in-deployment',
  title: 'Databases and message brokers do not run as a Deployment',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-database-in-deployment',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const { object, pod } of workloadsOf(input)) {
      if (object.kind !== 'Deployment') continue;
      for (const { container, label, init } of containersOf(pod)) {
        if (init || typeof container.image !== 'string') continue;
        const name = parseImage(container.image).name.split('/').pop()!;
        findings.push(
          STATEFUL_IMAGES.has(name.toLowerCase())
            ? fail(
                object,
                `${label} runs ${name} in a Deployment: use a StatefulSet with volumeClaimTemplates, an operator or a managed service`,
              )
            : pass(object, `${label} runs ${name}, not a database or broker`),
        );
      }
    }
    return findings;
  },
};
