import { build } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const dlq = ['amazon-sqs', { purpose: 'dead-letter' }] as [string, Record<string, unknown>];

ruleTable('failure-handling', {
  valid: [
    { name: 'Lambda sends failures to a dead-letter queue', design: build({ l: 'aws-lambda', q: dlq }, ['l>q']), params: { kinds: ['function'] } },
    { name: 'Step Functions retries failed tasks', design: build({ sf: ['aws-step-functions', { retryOnFailure: true }] }), params: { kinds: ['orchestrator'], requireDeadLetter: false, retrySetting: 'retryOnFailure' } },
  ],
  notApplicable: [{ name: 'no function in the design', design: build({ s: 'amazon-s3' }), params: { kinds: ['function'] } }],
  invalid: [
    { name: 'a normal queue is not a dead-letter queue', design: build({ l: 'aws-lambda', q: 'amazon-sqs' }, ['l>q']), params: { kinds: ['function'] }, nodes: ['l'], codes: ['no-dead-letter-queue'] },
    { name: 'Step Functions without retries (the default)', design: build({ sf: 'aws-step-functions' }), params: { kinds: ['orchestrator'], requireDeadLetter: false, retrySetting: 'retryOnFailure' }, nodes: ['sf'], codes: ['retry-off'] },
  ],
});
