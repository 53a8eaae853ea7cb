import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import YAML from 'yaml';

/** Examples of `guidance:fetch:fragment`, shown in the scaffolder's action list. */
export const examples: TemplateExample[] = [
  {
    description: 'Add a GitHub Actions workflow for a service',
    example: YAML.stringify({
      steps: [
        {
          id: 'ci',
          action: 'guidance:fetch:fragment',
          input: {
            fragment: 'ci/github-actions',
            values: {
              name: '${{ parameters.name }}',
              language: 'go',
              imageRepository: 'ghcr.io/acme/${{ parameters.name }}',
              defaultBranch: 'main',
            },
          },
        },
      ],
    }),
  },
  {
    description: 'Render the Kubernetes base into a sub-folder',
    example: YAML.stringify({
      steps: [
        {
          id: 'kubernetes',
          action: 'guidance:fetch:fragment',
          input: {
            fragment: 'kubernetes/base',
            targetPath: 'deploy/base',
            values: { name: '${{ parameters.name }}', port: 8080 },
          },
        },
      ],
    }),
  },
];
