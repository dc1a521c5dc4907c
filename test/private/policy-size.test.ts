import { BUCKET_POLICY_LIMIT, KEY_POLICY_LIMIT, estimate, tooLarge } from '../../lib/private/policy-size';

// Plain unit tests of the policy size estimate: no App, no Stack.

describe('estimate', () => {
  test('a literal document is its compact JSON', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] };
    expect(estimate(document)).toBe(JSON.stringify(document).length);
  });

  test("a distribution's ARN counts as deployed: partition, account and a 14-character ID", () => {
    const arn = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':cloudfront::',
          { Ref: 'AWS::AccountId' },
          ':distribution/',
          { Ref: 'Www4AF92A2E' },
        ],
      ],
    };
    expect(estimate(arn)).toBe(
      JSON.stringify('arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL').length,
    );
  });

  test('an attribute counts as 64 characters', () => {
    expect(estimate({ 'Fn::GetAtt': ['Oai', 'S3CanonicalUserId'] })).toBe(66);
  });
});

test('the limits are 20 KB for a bucket policy and 32 KB for a key policy', () => {
  expect([BUCKET_POLICY_LIMIT, KEY_POLICY_LIMIT]).toEqual([20480, 32768]);
});

test('the error names the bucket, its size and its readers', () => {
  expect(tooLarge('bucket', 'Stack/Assets', 21000, BUCKET_POLICY_LIMIT, 320, 2)).toBe(
    "Bucket Stack/Assets: its policy must be at most 20480 bytes (S3's limit on a bucket policy), or the deploy fails; it lets 320 distributions through Origin Access Control and 2 origin access identities read the bucket. Spread the distributions over more buckets, move statements of your own out of this policy, or import the bucket (s3.Bucket.fromBucketName) and write its policy yourself with one AWS:SourceArn pattern such as arn:aws:cloudfront::<account>:distribution/*; got: about 21000 bytes",
  );
});
