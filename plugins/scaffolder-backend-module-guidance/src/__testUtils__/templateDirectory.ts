import { resolve } from 'path';

/** The repository's golden-path templates, which the version guard and upgrade tests read. */
export const TEMPLATES_ROOT = resolve(__dirname, '../../../../templates');
