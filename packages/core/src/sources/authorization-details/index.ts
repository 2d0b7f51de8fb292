/** Reader of `aws iam get-account-authorization-details` dumps (JSON). */
export { isAuthorizationDetails, readAuthorizationDetails } from './read.js';
