import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  EntityConformance,
  Recommendation,
} from '@paved-road/plugin-guidance-common';
import { EntityName, guidanceApiRef } from '../api/GuidanceApi';

export type EntityGuidance = {
  recommendations: Recommendation[];
  /** Undefined while the entity has not been evaluated (or has no source). */
  conformance?: EntityConformance;
  /** Conformance failed to load; the articles still show. */
  conformanceError?: Error;
};

/**
 * The one place the entity tab and card load their data: the articles for the current
 * entity and its conformance, side by side; `evaluate` re-runs the rules and reloads.
 */
export function useEntityGuidance() {
  const { entity } = useEntity();
  const api = useApi(guidanceApiRef);
  const kind = entity.kind;
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const name = entity.metadata.name;
  const [evaluating, setEvaluating] = useState(false);
  const [evaluateError, setEvaluateError] = useState<Error>();

  const state = useAsyncRetry(async (): Promise<EntityGuidance> => {
    const target: EntityName = { kind, namespace, name };
    const [recommendations, conformance] = await Promise.all([
      api.getEntityArticles(target),
      api.getEntityConformance(target).then(
        value => ({ value }),
        (error: Error) => ({ error }),
      ),
    ]);
    return 'error' in conformance
      ? { recommendations, conformanceError: conformance.error }
      : { recommendations, conformance: conformance.value };
  }, [api, kind, namespace, name]);

  const { retry } = state;
  const evaluate = useCallback(async () => {
    setEvaluating(true);
    setEvaluateError(undefined);
    try {
      await api.refreshEntityConformance({ kind, namespace, name });
      retry();
    } catch (error) {
      setEvaluateError(error as Error);
    } finally {
      setEvaluating(false);
    }
  }, [api, kind, namespace, name, retry]);

  return { ...state, evaluate, evaluating, evaluateError };
}
