import fs from 'fs-extra';
import { join, relative, resolve } from 'path';
import YAML from 'yaml';

/** The repository's `templates/` folder. */
export const TEMPLATES_ROOT = resolve(__dirname, '../../../../templates');

/** A template folder as the dry-run API takes it: template.yaml plus content/**. */
export type DirectoryContent = { path: string; base64Content: string };

/** Every template named by templates/all.yaml, by folder name. */
export async function listedTemplates(): Promise<string[]> {
  const location = YAML.parse(
    await fs.readFile(join(TEMPLATES_ROOT, 'all.yaml'), 'utf8'),
  );
  return (location.spec.targets as string[]).map(t =>
    t.replace(/^\.\//, '').replace(/\/template\.yaml$/, ''),
  );
}

export async function loadTemplate(name: string): Promise<any> {
  const doc = YAML.parseDocument(
    await fs.readFile(join(TEMPLATES_ROOT, name, 'template.yaml'), 'utf8'),
  );
  if (doc.errors.length)
    throw new Error(`${name}/template.yaml: ${doc.errors[0].message}`);
  return doc.toJS();
}

export async function templateDirectoryContents(
  name: string,
): Promise<DirectoryContent[]> {
  const root = join(TEMPLATES_ROOT, name);
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.push(full);
    }
  };
  await walk(root);
  return Promise.all(
    files.sort().map(async file => ({
      path: relative(root, file),
      base64Content: (await fs.readFile(file)).toString('base64'),
    })),
  );
}
