export { TemplateDrift, upgradeLink } from './TemplateDrift';
