// Runs the checkers that ship only as ES modules (kubernetes-models CRD packages and
// @actions/workflow-parser) in a plain Node.js process: Jest here runs CommonJS and cannot
// import them. Reads { objects: [{ file, object }], workflows: [{ file, content }] } as JSON
// on stdin and writes { objects: [...], workflows: [...] } results as JSON on stdout.
import { register } from 'node:module';

// @actions/workflow-parser imports its JSON schema without `with { type: 'json' }`, which
// Node.js 20 refuses; this load hook adds the attribute for .json files.
const addJsonAttribute = [
  'export async function load(url, context, next) {',
  " if (url.endsWith('.json')) return next(url, { ...context, importAttributes: { type: 'json' } });",
  ' return next(url, context); }',
].join('');
register(`data:text/javascript,${encodeURIComponent(addJsonAttribute)}`);
const { NoOperationTraceWriter, parseWorkflow } = await import(
  '@actions/workflow-parser'
);

const MODEL_PACKAGES = [
  'kubernetes-models',
  '@kubernetes-models/prometheus-operator',
  '@kubernetes-models/argo-cd',
  '@kubernetes-models/external-secrets',
  '@kubernetes-models/flux-cd',
  '@kubernetes-models/sealed-secrets',
];

async function findModel(apiVersion, kind) {
  for (const pkg of MODEL_PACKAGES) {
    try {
      const models = await import(`${pkg}/${apiVersion}`);
      if (models[kind]) return models[kind];
    } catch {
      // not this package
    }
  }
  return undefined;
}

async function checkObject({ file, object }) {
  const { apiVersion, kind } = object;
  const name = object.metadata?.name;
  const Model = await findModel(apiVersion, kind);
  if (!Model) return { file, apiVersion, kind, name, schema: 'none' };
  try {
    new Model(object).validate();
    return { file, apiVersion, kind, name, schema: 'valid' };
  } catch (error) {
    return {
      file,
      apiVersion,
      kind,
      name,
      schema: 'invalid',
      error: String(error?.message ?? error).slice(0, 2000),
    };
  }
}

function checkWorkflow({ file, content }) {
  const result = parseWorkflow(
    { name: file, content },
    new NoOperationTraceWriter(),
  );
  return {
    file,
    errors: result.context.errors.getErrors().map(e => e.message),
  };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const objects = [];
for (const item of input.objects ?? []) objects.push(await checkObject(item));
const workflows = (input.workflows ?? []).map(checkWorkflow);
process.stdout.write(JSON.stringify({ objects, workflows }));
