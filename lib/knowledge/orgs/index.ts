export { analyseArticle, type ArticleOrgs, type NameEvidence } from './analyse';
export { resolveOrgs, type DiscoveredOrg } from './resolve';
export { organisations, registryKeys, type OrgCompany } from './companies';
export { nameKey, discoveredId } from './key';
export type { ProfileLine } from './profile';
