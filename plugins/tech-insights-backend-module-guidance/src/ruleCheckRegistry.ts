import { ConflictError, NotFoundError } from '@backstage/errors';
import { TechInsightCheckRegistry } from '@backstage-community/plugin-tech-insights-node';
import { TechInsightJsonRuleCheck } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';

/**
 * The checks the JSON rules engine runs: those configured in `techInsights.factChecker.checks`
 * and one per Paved Road rule. Loaded on first use, not at start-up, because the guidance backend
 * (which lists the rules) may start after Tech Insights; a failed load is tried again next time.
 */
export class RuleCheckRegistry
  implements TechInsightCheckRegistry<TechInsightJsonRuleCheck>
{
  private loaded?: Promise<Map<string, TechInsightJsonRuleCheck>>;

  constructor(
    private readonly load: () => Promise<TechInsightJsonRuleCheck[]>,
  ) {}

  private checks(): Promise<Map<string, TechInsightJsonRuleCheck>> {
    if (!this.loaded) {
      this.loaded = this.load().then(
        list => {
          const map = new Map<string, TechInsightJsonRuleCheck>();
          for (const check of list) {
            if (map.has(check.id)) {
              throw new ConflictError(
                `Tech insight check with id ${check.id} is defined twice`,
              );
            }
            map.set(check.id, check);
          }
          return map;
        },
        error => {
          this.loaded = undefined;
          throw error;
        },
      );
    }
    return this.loaded;
  }

  async register(
    check: TechInsightJsonRuleCheck,
  ): Promise<TechInsightJsonRuleCheck> {
    const checks = await this.checks();
    if (checks.has(check.id)) {
      throw new ConflictError(
        `Tech insight check with id ${check.id} has already been registered`,
      );
    }
    checks.set(check.id, check);
    return check;
  }

  async get(checkId: string): Promise<TechInsightJsonRuleCheck> {
    const check = (await this.checks()).get(checkId);
    if (!check) {
      throw new NotFoundError(
        `Tech insight check with id '${checkId}' is not registered.`,
      );
    }
    return check;
  }

  async getAll(checkIds: string[]): Promise<TechInsightJsonRuleCheck[]> {
    return Promise.all(checkIds.map(id => this.get(id)));
  }

  async list(): Promise<TechInsightJsonRuleCheck[]> {
    return [...(await this.checks()).values()];
  }
}
