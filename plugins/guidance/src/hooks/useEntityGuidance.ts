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
/** How long "Evaluate now" waits for the queued evaluation: 60 × 1 s. */
const REFRESH_POLLS = 60;
const REFRESH_POLL_MS = 1000;

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
      const target = { kind, namespace, name };
      const before = (await api.getEntityConformance(target))?.evaluatedAt;
      await api.refreshEntityConformance(target);
      // the backend queues the evaluation (202): wait until a new one is stored
      for (let i = 0; i < REFRESH_POLLS; i++) {
        const now = await api.getEntityConformance(target);
        if (now && now.evaluatedAt !== before) break;
        await new Promise(r => setTimeout(r, REFRESH_POLL_MS));
      }
      retry();
    } catch (error) {
      setEvaluateError(error as Error);
    } finally {
      setEvaluating(false);
    }
  }, [api, kind, namespace, name, retry]);

  return { ...state, evaluate, evaluating, evaluateError };
}
