import fs from 'fs-extra';
import { dirname, join } from 'path';
import YAML from 'yaml';
import type { Entity } from '@backstage/catalog-model';

export type YamlObject = { file: string; object: any };

/** What a dry run produced: the workspace's files, decoded. */
export class GeneratedRepository {
  readonly files: Map<string, string>;

  constructor(directoryContents: { path: string; base64Content: string }[]) {
    this.files = new Map(
      directoryContents.map(f => [
        f.path,
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ]),
    );
  }

  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  read(path: string): string {
    const content = this.files.get(path);
    if (content === undefined) {
      throw new Error(
        `${path} was not generated; files: ${this.paths().join(', ')}`,
      );
    }
    return content;
  }

  /** Every document of every YAML file; a file that does not parse throws with its name. */
  yamlDocuments(): YamlObject[] {
    const result: YamlObject[] = [];
    for (const path of this.paths().filter(p => /\.ya?ml$/.test(p))) {
      for (const doc of YAML.parseAllDocuments(this.read(path))) {
        if (doc.errors.length) {
          throw new Error(`${path}: ${doc.errors[0].message}`);
        }
        const object = doc.toJS();
        if (object !== null && object !== undefined)
          result.push({ file: path, object });
      }
    }
    return result;
  }

  /** Documents that are Kubernetes objects (apiVersion + kind), not catalog entities. */
  kubernetesObjects(): YamlObject[] {
    return this.yamlDocuments().filter(
      ({ object }) =>
        typeof object === 'object' &&
        typeof object.apiVersion === 'string' &&
        typeof object.kind === 'string' &&
        !object.apiVersion.startsWith('backstage.io/'),
    );
  }

  catalogEntity(path = 'catalog-info.yaml'): Entity {
    return YAML.parse(this.read(path));
  }

  async writeTo(dir: string): Promise<void> {
    for (const [path, content] of this.files) {
      await fs.ensureDir(dirname(join(dir, path)));
      await fs.writeFile(join(dir, path), content);
    }
  }
}
