import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import YAML from 'yaml';

/** Examples of `guidance:annotate`, shown in the scaffolder's action list. */
export const examples: TemplateExample[] = [
  {
    description: 'Link the new service to its articles',
    example: YAML.stringify({
      steps: [
        {
          id: 'annotate',
          action: 'guidance:annotate',
          input: {
            articles: ['golden-paths', 'prometheus-grafana-monitoring'],
          },
        },
      ],
    }),
  },
];
