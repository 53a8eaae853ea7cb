import { GuidanceRule } from '../types';
import { findRemovedApiVersion } from '../servedApiVersions';
import { fail, pass } from './kubernetes';

/** An object on a removed API version is refused by the API server: the whole sync fails. */
export const servedApiVersionRule: GuidanceRule = {
  id: 'served-api-version',
  title: 'Objects use API versions the cluster still serves',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-served-api-version',
  },
  check: input =>
    input.objects.map(object => {
      const removed = findRemovedApiVersion(object.apiVersion, object.kind);
      return removed
        ? fail(
            object,
            `${object.apiVersion} ${object.kind} is no longer served since ${removed.project} ${removed.removedIn}: use ${removed.replacement}`,
          )
        : pass(object, `${object.apiVersion} ${object.kind} is served`);
    }),
};
