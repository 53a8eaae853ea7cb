import { GuidanceRule, RuleFinding } from '../types';
import { argoApplicationsOf, isTemplated } from './argocd';
import { refOf } from './kubernetes';
import { yamlPosition } from './yamlPositions';

/**
 * The `default` AppProject lets an Application deploy any repository to any cluster and
 * namespace, cluster-scoped objects included: the guard rails live in a team's own project.
 */
export const argocdProjectRule: GuidanceRule = {
  id: 'argocd-project',
  title: 'Argo CD Applications belong to a team AppProject, not default',
  severity: 'warning',
  fileKinds: ['argocd'],
  article: { id: 'gitops-tool-choice', section: 'rule-argocd-project' },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const app of argoApplicationsOf(input)) {
      const { object, spec, at, label } = app;
      const project = spec.project;
      const where = yamlPosition(input, object.file, object.index, [
        ...at,
        'spec',
        'project',
      ]);
      const finding = (
        status: RuleFinding['status'],
        message: string,
      ): RuleFinding => ({
        status,
        file: object.file,
        object: refOf(object),
        ...where,
        message,
      });
      if (isTemplated(project)) {
        findings.push(
          finding(
            'not-applicable',
            `${label} takes its project from a template expression (${project}): judged in the generated Applications`,
          ),
        );
      } else if (typeof project !== 'string' || project.trim() === '') {
        findings.push(
          finding(
            'fail',
            `${label} names no spec.project; give it the team's AppProject`,
          ),
        );
      } else if (project.trim() === 'default') {
        findings.push(
          finding(
            'fail',
            `${label} is in project "default", which allows any source repository, any destination and cluster-scoped objects; give it the team's AppProject`,
          ),
        );
      } else {
        findings.push(finding('pass', `${label} is in project "${project}"`));
      }
    }
    return findings;
  },
};
