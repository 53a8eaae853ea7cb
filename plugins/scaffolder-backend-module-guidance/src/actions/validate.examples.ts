import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import YAML from 'yaml';

/** Examples of `guidance:validate`, shown in the scaffolder's action list. */
export const examples: TemplateExample[] = [
  {
    description: 'Check everything the template generated',
    example: YAML.stringify({
      steps: [{ id: 'validate', action: 'guidance:validate' }],
    }),
  },
  {
    description:
      'Check the manifests only, without the PodDisruptionBudget rule',
    example: YAML.stringify({
      steps: [
        {
          id: 'validate',
          action: 'guidance:validate',
          input: { paths: ['deploy'], skip: ['pdb'] },
        },
      ],
    }),
  },
];
