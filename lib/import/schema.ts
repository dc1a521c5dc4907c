/**
 * The shape of `AWS::CloudFront::Distribution`'s `DistributionConfig`: each struct's keys, and
 * for a key holding a struct (or a list of them) that struct's name. The importer refuses a key
 * that is not here, so that nothing of the input is silently lost.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-distributionconfig.html
 */
export const STRUCTS: { readonly [struct: string]: { readonly [key: string]: string | null } } = {
  DistributionConfig: {
    Aliases: null,
    AnycastIpListId: null,
    CNAMEs: null,
    CacheBehaviors: 'CacheBehavior',
    CacheTagConfig: 'CacheTagConfig',
    Comment: null,
    ConnectionFunctionAssociation: 'ConnectionFunctionAssociation',
    ConnectionMode: null,
    ContinuousDeploymentPolicyId: null,
    CustomErrorResponses: 'CustomErrorResponse',
    CustomOrigin: 'LegacyCustomOrigin',
    DefaultCacheBehavior: 'CacheBehavior',
    DefaultRootObject: null,
    Enabled: null,
    HttpVersion: null,
    IPV6Enabled: null,
    Logging: 'Logging',
    OriginGroups: 'OriginGroups',
    Origins: 'Origin',
    PriceClass: null,
    Restrictions: 'Restrictions',
    S3Origin: 'LegacyS3Origin',
    Staging: null,
    TenantConfig: null,
    ViewerCertificate: 'ViewerCertificate',
    ViewerMtlsConfig: 'ViewerMtlsConfig',
    WebACLId: null,
  },
  CacheBehavior: {
    AllowedMethods: null,
    CachePolicyId: null,
    CachedMethods: null,
    Compress: null,
    DefaultTTL: null,
    FieldLevelEncryptionId: null,
    ForwardedValues: 'ForwardedValues',
    FunctionAssociations: 'FunctionAssociation',
    GrpcConfig: 'GrpcConfig',
    LambdaFunctionAssociations: 'LambdaFunctionAssociation',
    MaxTTL: null,
    MinTTL: null,
    OriginRequestPolicyId: null,
    PathPattern: null,
    RealtimeLogConfigArn: null,
    ResponseHeadersPolicyId: null,
    SmoothStreaming: null,
    TargetOriginId: null,
    TrustedKeyGroups: null,
    TrustedSigners: null,
    ViewerProtocolPolicy: null,
  },
  CacheTagConfig: { HeaderName: null },
  ConnectionFunctionAssociation: { Id: null },
  Cookies: { Forward: null, WhitelistedNames: null },
  CustomErrorResponse: {
    ErrorCachingMinTTL: null,
    ErrorCode: null,
    ResponseCode: null,
    ResponsePagePath: null,
  },
  CustomOriginConfig: {
    HTTPPort: null,
    HTTPSPort: null,
    IpAddressType: null,
    OriginKeepaliveTimeout: null,
    OriginMtlsConfig: 'OriginMtlsConfig',
    OriginProtocolPolicy: null,
    OriginReadTimeout: null,
    OriginSSLProtocols: null,
  },
  ForwardedValues: { Cookies: 'Cookies', Headers: null, QueryString: null, QueryStringCacheKeys: null },
  FunctionAssociation: { EventType: null, FunctionARN: null },
  GeoRestriction: { Locations: null, RestrictionType: null },
  GrpcConfig: { Enabled: null },
  LambdaFunctionAssociation: { EventType: null, IncludeBody: null, LambdaFunctionARN: null },
  LegacyCustomOrigin: {
    DNSName: null,
    HTTPPort: null,
    HTTPSPort: null,
    OriginProtocolPolicy: null,
    OriginSSLProtocols: null,
  },
  LegacyS3Origin: { DNSName: null, OriginAccessIdentity: null },
  Logging: { Bucket: null, IncludeCookies: null, Prefix: null },
  Origin: {
    ConnectionAttempts: null,
    ConnectionTimeout: null,
    CustomOriginConfig: 'CustomOriginConfig',
    DomainName: null,
    Id: null,
    OriginAccessControlId: null,
    OriginCustomHeaders: 'OriginCustomHeader',
    OriginPath: null,
    OriginShield: 'OriginShield',
    ResponseCompletionTimeout: null,
    S3OriginConfig: 'S3OriginConfig',
    VpcOriginConfig: 'VpcOriginConfig',
  },
  OriginCustomHeader: { HeaderName: null, HeaderValue: null },
  OriginGroups: { Items: 'OriginGroup', Quantity: null },
  OriginGroup: {
    FailoverCriteria: 'OriginGroupFailoverCriteria',
    Id: null,
    Members: 'OriginGroupMembers',
    SelectionCriteria: null,
  },
  OriginGroupFailoverCriteria: { StatusCodes: 'StatusCodes' },
  OriginGroupMembers: { Items: 'OriginGroupMember', Quantity: null },
  OriginGroupMember: { OriginId: null },
  OriginMtlsConfig: { ClientCertificateArn: null },
  OriginShield: { Enabled: null, OriginShieldRegion: null },
  Restrictions: { GeoRestriction: 'GeoRestriction' },
  S3OriginConfig: { OriginAccessIdentity: null, OriginReadTimeout: null },
  StatusCodes: { Items: null, Quantity: null },
  TrustStoreConfig: { AdvertiseTrustStoreCaNames: null, IgnoreCertificateExpiry: null, TrustStoreId: null },
  ViewerCertificate: {
    AcmCertificateArn: null,
    CloudFrontDefaultCertificate: null,
    IamCertificateId: null,
    MinimumProtocolVersion: null,
    SslSupportMethod: null,
  },
  ViewerMtlsConfig: { Mode: null, TrustStoreConfig: 'TrustStoreConfig' },
  VpcOriginConfig: {
    OriginKeepaliveTimeout: null,
    OriginReadTimeout: null,
    OwnerAccountId: null,
    VpcOriginId: null,
  },
};

/** Whether `value` is a CloudFormation intrinsic (`{ Ref }`, `{ "Fn::...": ... }`, `{ Condition }`). */
export function isIntrinsic(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

/** The first key of `config` (a `DistributionConfig`) that the shape does not know, as a path. */
export function unknownKey(
  config: unknown,
  struct = 'DistributionConfig',
  at = 'DistributionConfig',
): string | undefined {
  if (typeof config !== 'object' || config === null || isIntrinsic(config)) return undefined;
  if (Array.isArray(config)) {
    for (let i = 0; i < config.length; i++) {
      const found = unknownKey(config[i], struct, `${at}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  const keys = STRUCTS[struct];
  for (const [key, value] of Object.entries(config)) {
    if (!(key in keys)) return `${at}.${key}`;
    const child = keys[key];
    if (child) {
      const found = unknownKey(value, child, `${at}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
