import fs from 'fs-extra';
import { isMap, parseAllDocuments } from 'yaml';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  GUIDANCE_ANNOTATION,
  parseGuidanceAnnotation,
} from '@paved-road/plugin-guidance-common';
import { GuidanceService } from '@paved-road/plugin-guidance-node';

/** Explicit ids first, then the recommended ones; each id once. */
export function mergeArticleIds(...lists: string[][]): string[] {
  return [
    ...new Set(
      lists
        .flat()
        .map(id => id.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Creates `guidance:annotate`: adds the guidance articles that apply to the entity in
 * `catalog-info.yaml` (explicit ids, then the guidance backend's recommendations).
 * @public
 */
export function createAnnotateAction(options: { guidance: GuidanceService }) {
  const { guidance } = options;

  async function recommend(entity: unknown): Promise<string[]> {
    const { items } = await guidance.recommend(entity);
    return items.map(item => item.article.id);
  }

  return createTemplateAction({
    id: 'guidance:annotate',
    description: `Adds the guidance articles that apply to the entity in catalog-info.yaml to its ${GUIDANCE_ANNOTATION} annotation: the given ids first, then the guidance backend's recommendations. Comments and layout of the file are kept.`,
    examples: [
      {
        description: 'Link the new service to its articles',
        example: [
          'steps:',
          '  - id: annotate',
          '    action: guidance:annotate',
          '    input:',
          '      articles: [golden-paths, prometheus-grafana-monitoring]',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          entityPath: z
            .string()
            .optional()
            .describe(
              'Entity file in the workspace. Defaults to catalog-info.yaml',
            ),
          articles: z
            .array(z.string())
            .optional()
            .describe(
              'Article ids the entity follows; they come before the recommended ones',
            ),
        }),
      output: z =>
        z.object({
          articles: z
            .array(z.string())
            .describe('The ids now in the annotation, in order'),
        }),
    },
    async handler(ctx) {
      const entityPath = ctx.input.entityPath ?? 'catalog-info.yaml';
      const file = resolveSafeChildPath(ctx.workspacePath, entityPath);
      if (!(await fs.pathExists(file))) {
        throw new InputError(
          `No entity file at ${entityPath} in the workspace`,
        );
      }
      const source = await fs.readFile(file, 'utf8');
      const documents = parseAllDocuments(source);
      if (!Array.isArray(documents)) {
        throw new InputError(`${entityPath} holds no YAML documents`);
      }
      const broken = documents.find(d => d.errors.length > 0);
      if (broken) {
        throw new InputError(
          `${entityPath} is not valid YAML: ${broken.errors[0].message}`,
        );
      }
      // The first document that looks like an entity is the one the template creates.
      const document = documents.find(d => {
        const metadata = d.get('metadata');
        return isMap(d.contents) && d.get('kind') && isMap(metadata);
      });
      if (!document) {
        throw new InputError(
          `${entityPath} holds no entity (a document with kind and metadata)`,
        );
      }

      const annotations = document.getIn(['metadata', 'annotations']);
      const current = isMap(annotations)
        ? String(annotations.get(GUIDANCE_ANNOTATION) ?? '')
        : '';
      const explicit = mergeArticleIds(
        ctx.input.articles ?? [],
        parseGuidanceAnnotation(current),
      );

      let recommended: string[] = [];
      try {
        recommended = await recommend(document.toJS());
      } catch (error) {
        ctx.logger.warn(
          `Could not get guidance recommendations, keeping the explicit articles only: ${error}`,
        );
      }
      const articles = mergeArticleIds(explicit, recommended);

      if (articles.length > 0) {
        document.setIn(
          ['metadata', 'annotations', GUIDANCE_ANNOTATION],
          articles.join(','),
        );
        // No re-wrapping of long lines and `[a, b]` lists as people write them.
        const layout = { lineWidth: 0, flowCollectionPadding: false };
        await fs.writeFile(
          file,
          documents.map(d => d.toString(layout)).join(''),
        );
      }
      ctx.logger.info(
        articles.length > 0
          ? `${entityPath}: ${GUIDANCE_ANNOTATION} = ${articles.join(',')}`
          : `${entityPath}: no guidance articles apply`,
      );
      ctx.output('articles', articles);
    },
  });
}
