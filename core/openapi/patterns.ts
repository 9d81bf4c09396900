// The name patterns and word lists the OpenAPI heuristics read, as data.

/** The name patterns the heuristics use. */
export const PATTERNS = {
  objectId: /^(id|uuid|guid)$|(Id|ID|_id|-id|Uuid|_uuid)$/,
  adminPath:
    /(^|[/_-])(admin|administration|administrator|internal|management|manage|debug|actuator|private|console|superuser|staff|ops)([/_.-]|$)/i,
  privilegedPath:
    /(^|\/)(admin\w*|users?|roles?|permissions?|accounts?|settings|config\w*|groups?|members?|organi[sz]ations?|tenants?|keys?|tokens?|credentials?|policies|billing)(\/|$)/i,
  privilegedProperty:
    /^(roles?|is_?admin|admin|is_?super_?user|super_?user|permissions?|privileges?|scopes?|balance|credits?|verified|is_?verified|email_?verified|owner|owner_?id|account_?type|tier|plan|approved|is_?approved|group_?ids?|is_?staff)$/i,
  sensitiveProperty:
    /^(password|passwd|pwd|password_?hash|hashed_?password|salt|ssn|social_?security(_?number)?|secret|client_?secret|api_?key|access_?token|refresh_?token|id_?token|token|private_?key|card_?number|cc_?number|credit_?card(_?number)?|pan|cvv|cvc|cvv2|security_?code|dob|date_?of_?birth|birth_?date|birthdate|pin|security_?answer|mfa_?secret|otp_?secret)$/i,
  sensitiveParam:
    /^(password|passwd|pwd|secret|client_?secret|token|access_?token|refresh_?token|api_?key|apikey|key|ssn|card_?number|cvv|pin|otp|session|session_?id|email|dob|date_?of_?birth)$/i,
  pageSize:
    /^(limit|per_?page|page_?size|pagesize|size|max|max_?results|maxresults|count|top|\$top|first|last|take|page\[size\]|page\[limit\])$/i,
  /** Matched against words (and adjacent word pairs) of the path and operationId. */
  businessFlow:
    /^(login|logon|signin|signup|register|registration|password|passwd|reset|forgot|otp|onetime|verify|verification|2fa|mfa|checkout|purchases?|payments?|pay|orders?|votes?|voting|bookings?|book|reserve|reservations?|redeem|coupons?|transfers?|invites?|tokens?)$/i,
  urlName:
    /^(url|uri|href|link|callback|callback_?url|webhook|webhook_?url|redirect|redirect_?uri|redirect_?url|return_?url|return_?to|next|target|dest|destination|image_?url|avatar_?url|feed|proxy|endpoint|source_?url)$|(Url|_url|URL|Uri|_uri|URI)$/,
  graphql: /(^|\/)graphql(\/|$)/i,
  nonProduction:
    /(localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0|(^|[^a-z])(dev|develop|development|staging|stage|stg|test|testing|qa|uat|sandbox|local)([^a-z]|$))/i,
  version: /(^|\/)v(\d+)(\.\d+)*(\/|$)/i,
  /** An environment named in a server description. */
  environment:
    /\b(local|localhost|sandbox|alpha|beta|dev|development|test|testing|qa|uat|stag|staging|prod|production|live|next|preprod|pre-?production)\b/i,
} as const;

const CAMEL = /([a-z0-9])([A-Z])/g;
const WORD = /[a-z0-9]+/g;

/** Words of a path or identifier: `/passwordReset/{id}` → password, reset, passwordreset, id. */
export function wordsOf(text: string): string[] {
  // The runs of letters and digits once camel case is split and the text lower-cased.
  const words = text.replace(CAMEL, '$1 $2').toLowerCase().match(WORD) ?? [];
  const out = words.slice();
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1] ?? ''}${words[i] ?? ''}`);
  return out;
}

/** String formats that bound a value by themselves. */
export const BOUNDED_FORMATS = new Set([
  'date',
  'date-time',
  'time',
  'uuid',
  'ipv4',
  'ipv6',
  'email',
  'int32',
  'int64',
  'byte',
  'duration',
]);
