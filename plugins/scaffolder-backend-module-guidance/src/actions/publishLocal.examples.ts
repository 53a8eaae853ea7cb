import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import YAML from 'yaml';

/** Examples of `guidance:publish:local`, shown in the scaffolder's action list. */
export const examples: TemplateExample[] = [
  {
    description:
      'Publish under the configured root with the entity name as folder name',
    example: YAML.stringify({
      steps: [{ id: 'publish', action: 'guidance:publish:local' }],
    }),
  },
  {
    description:
      'Publish into a folder inside guidance.publishLocal.root without registering',
    example: YAML.stringify({
      steps: [
        {
          id: 'publish',
          action: 'guidance:publish:local',
          input: {
            name: '${{ parameters.name }}',
            root: 'team-a',
            register: false,
          },
        },
      ],
    }),
  },
];
