import { rules, warnings } from '../../lib/private/streaming';

test('rules: the bucket is required, names and comment as for web', () => {
  expect(rules({ name: 'media', origin: undefined as never })).toEqual([
    '`name` must be a domain name such as www.example.com or *.example.com; got: "media"',
    '`origin.bucket` is required: the S3 bucket to stream media from; got: nothing',
  ]);
});

test('warnings: RTMP is discontinued', () => {
  expect(warnings({ name: 'media.example.com', origin: undefined as never }).map((w) => w.id)).toEqual([
    'rtmpDiscontinued',
  ]);
});
