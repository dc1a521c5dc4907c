import { aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { newStack } from './helpers';
import { Distribution } from '../lib';

// Every example of the specification (../shared/spec/cloudfront.rst), written as the same object
// literal as its Python dict, with one snapshot each. Review every snapshot diff.
describe('the specification examples', () => {
  test('the minimum distribution', () => {
    const stack = newStack();
    new Distribution(stack, 'Distribution', {
      name: 'www.example.com',
      origins: [
        {
          name: 'www',
          domainName: 'backend.example.com',
        },
      ],
      defaultCacheBehavior: {
        targetOrigin: 'www',
      },
    });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });

  test('serving content from an S3 bucket', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket', { bucketName: 'my-test-bucket' });
    new Distribution(stack, 'Distribution', {
      name: 'www.example.com',
      origins: [
        {
          name: 'www',
          bucket: bucket,
        },
      ],
      defaultCacheBehavior: {
        targetOrigin: 'www',
      },
    });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });

  test('serving content from a backend HTTP or HTTPS service', () => {
    const stack = newStack();
    new Distribution(stack, 'Distribution', {
      name: 'www.example.com',
      origins: [
        {
          name: 'www',
          domainName: 'backend.example.com',
          httpPort: 8080,
          httpsPort: 8043,
        },
      ],
      defaultCacheBehavior: {
        targetOrigin: 'www',
      },
    });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
