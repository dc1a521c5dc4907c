/**
 * Every template a test synthesizes through `Template.fromStack` is also validated against
 * CloudFormation's schemas for the CloudFront resource types: a test can pass its own
 * assertions and still fail here when the template is one CloudFormation would reject.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { schemaErrors } from './cfn-schema';

const fromStack = Template.fromStack.bind(Template);
Template.fromStack = (...args: Parameters<typeof Template.fromStack>): Template => {
  const template = fromStack(...args);
  const errors = schemaErrors(template.toJSON());
  if (errors.length > 0) {
    throw new Error(`The template does not match CloudFormation's schema:\n${errors.join('\n')}`);
  }
  return template;
};
