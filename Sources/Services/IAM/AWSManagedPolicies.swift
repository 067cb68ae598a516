import EmulatorKit

/// The AWS managed policies every account has, under `arn:aws:iam::aws:policy/…`: data,
/// not code. Documents are the real current default versions, copied from the AWS Managed
/// Policy Reference (docs.aws.amazon.com/aws-managed-policy/latest/reference/) and the
/// version history tracked by github.com/zoph-io/MAMIP; dates are the policies' creation
/// and default-version times.
///
/// ReadOnlyAccess is a subset: the real policy lists several hundred services; this one
/// keeps its entries for the services labs touch (compute, queues, logs, IAM, STS, storage).
struct AWSManagedPolicyData: Sendable {
    var name: String
    var path: String
    var description: String
    var created: String
    var versionId: String
    var updated: String
    var document: String
}

enum AWSManagedPolicies {
    static let all: [AWSManagedPolicyData] = [
        AWSManagedPolicyData(
            name: "AdministratorAccess", path: "/",
            description: "Provides full access to AWS services and resources.",
            created: "2015-02-06T18:39:46Z", versionId: "v1", updated: "2015-02-06T18:39:46Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "*",
                        "Resource": "*"
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "AWSLambdaBasicExecutionRole", path: "/service-role/",
            description: "Provides write permissions to CloudWatch Logs.",
            created: "2015-04-09T15:03:43Z", versionId: "v1", updated: "2015-04-09T15:03:43Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": [
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents"
                        ],
                        "Resource": "*"
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "AWSLambdaSQSQueueExecutionRole", path: "/service-role/",
            description: "Provides receive message, delete message, and read attribute access to SQS queues, and write permissions to CloudWatch logs.",
            created: "2016-11-21T19:27:46Z", versionId: "v1", updated: "2018-06-14T21:50:45Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": [
                            "sqs:ReceiveMessage",
                            "sqs:DeleteMessage",
                            "sqs:GetQueueAttributes",
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents"
                        ],
                        "Resource": "*"
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "AWSLambdaRole", path: "/service-role/",
            description: "Default policy for AWS Lambda service role.",
            created: "2015-02-06T18:41:28Z", versionId: "v1", updated: "2015-02-06T18:41:28Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": [
                            "lambda:InvokeFunction"
                        ],
                        "Resource": [
                            "*"
                        ]
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "AmazonSQSFullAccess", path: "/",
            description: "Provides full access to Amazon SQS via the AWS Management Console.",
            created: "2015-02-06T18:41:07Z", versionId: "v1", updated: "2015-02-06T18:41:07Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Action": [
                            "sqs:*"
                        ],
                        "Effect": "Allow",
                        "Resource": "*"
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "AmazonSQSReadOnlyAccess", path: "/",
            description: "Provides read only access to Amazon SQS via the AWS Management Console.",
            created: "2015-02-06T18:41:08Z", versionId: "v4", updated: "2024-05-24T18:16:00Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "AmazonSQSReadOnlyAccess",
                        "Effect": "Allow",
                        "Action": [
                            "sqs:GetQueueAttributes",
                            "sqs:GetQueueUrl",
                            "sqs:ListDeadLetterSourceQueues",
                            "sqs:ListQueues",
                            "sqs:ListMessageMoveTasks",
                            "sqs:ListQueueTags"
                        ],
                        "Resource": "*"
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "AmazonSSMManagedInstanceCore", path: "/",
            description: "The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.",
            created: "2019-03-15T17:22:12Z", versionId: "v2", updated: "2019-05-23T16:54:21Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": [
                            "ssm:DescribeAssociation",
                            "ssm:GetDeployablePatchSnapshotForInstance",
                            "ssm:GetDocument",
                            "ssm:DescribeDocument",
                            "ssm:GetManifest",
                            "ssm:GetParameter",
                            "ssm:GetParameters",
                            "ssm:ListAssociations",
                            "ssm:ListInstanceAssociations",
                            "ssm:PutInventory",
                            "ssm:PutComplianceItems",
                            "ssm:PutConfigurePackageResult",
                            "ssm:UpdateAssociationStatus",
                            "ssm:UpdateInstanceAssociationStatus",
                            "ssm:UpdateInstanceInformation"
                        ],
                        "Resource": "*"
                    },
                    {
                        "Effect": "Allow",
                        "Action": [
                            "ssmmessages:CreateControlChannel",
                            "ssmmessages:CreateDataChannel",
                            "ssmmessages:OpenControlChannel",
                            "ssmmessages:OpenDataChannel"
                        ],
                        "Resource": "*"
                    },
                    {
                        "Effect": "Allow",
                        "Action": [
                            "ec2messages:AcknowledgeMessage",
                            "ec2messages:DeleteMessage",
                            "ec2messages:FailMessage",
                            "ec2messages:GetEndpoint",
                            "ec2messages:GetMessages",
                            "ec2messages:SendReply"
                        ],
                        "Resource": "*"
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "CloudWatchAgentServerPolicy", path: "/",
            description: "Permissions required to use AmazonCloudWatchAgent on servers",
            created: "2017-08-31T00:08:36Z", versionId: "v3", updated: "2024-02-06T16:37:37Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "CWACloudWatchServerPermissions",
                        "Effect": "Allow",
                        "Action": [
                            "cloudwatch:PutMetricData",
                            "ec2:DescribeVolumes",
                            "ec2:DescribeTags",
                            "logs:PutLogEvents",
                            "logs:PutRetentionPolicy",
                            "logs:DescribeLogStreams",
                            "logs:DescribeLogGroups",
                            "logs:CreateLogStream",
                            "logs:CreateLogGroup",
                            "xray:PutTraceSegments",
                            "xray:PutTelemetryRecords",
                            "xray:GetSamplingRules",
                            "xray:GetSamplingTargets",
                            "xray:GetSamplingStatisticSummaries"
                        ],
                        "Resource": "*"
                    },
                    {
                        "Sid": "CWASSMServerPermissions",
                        "Effect": "Allow",
                        "Action": [
                            "ssm:GetParameter"
                        ],
                        "Resource": "arn:aws:ssm:*:*:parameter/AmazonCloudWatch-*"
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "AmazonEC2ReadOnlyAccess", path: "/",
            description: "Provides read only access to Amazon EC2 via the AWS Management Console.",
            created: "2015-02-06T18:40:17Z", versionId: "v2", updated: "2024-02-14T15:17:04Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "EC2",
                        "Effect": "Allow",
                        "Action": [
                            "ec2:Describe*",
                            "ec2:Get*"
                        ],
                        "Resource": "*"
                    },
                    {
                        "Sid": "ELB",
                        "Effect": "Allow",
                        "Action": "elasticloadbalancing:Describe*",
                        "Resource": "*"
                    },
                    {
                        "Sid": "Cloudwatch",
                        "Effect": "Allow",
                        "Action": [
                            "cloudwatch:ListMetrics",
                            "cloudwatch:GetMetricStatistics",
                            "cloudwatch:Describe*"
                        ],
                        "Resource": "*"
                    },
                    {
                        "Sid": "Autoscaling",
                        "Effect": "Allow",
                        "Action": "autoscaling:Describe*",
                        "Resource": "*"
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "CloudWatchLogsFullAccess", path: "/",
            description: "Provides full access to CloudWatch Logs",
            created: "2015-02-06T18:40:38Z", versionId: "v3", updated: "2025-05-20T17:07:06Z",
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "CloudWatchLogsFullAccess",
                        "Effect": "Allow",
                        "Action": [
                            "logs:*",
                            "cloudwatch:GenerateQuery",
                            "cloudwatch:GenerateQueryResultsSummary"
                        ],
                        "Resource": "*"
                    }
                ]
            }
            """),
        AWSManagedPolicyData(
            name: "ReadOnlyAccess", path: "/",
            description: "Provides read-only access to AWS services and resources.",
            created: "2015-02-06T18:39:48Z", versionId: "v87", updated: "2022-05-23T20:16:18Z",
            // A subset of the real action list (see the note at the top of this file).
            document: """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": [
                            "autoscaling:Describe*",
                            "batch:Describe*",
                            "batch:List*",
                            "cloudformation:Describe*",
                            "cloudformation:Get*",
                            "cloudformation:List*",
                            "cloudwatch:Describe*",
                            "cloudwatch:Get*",
                            "cloudwatch:List*",
                            "dynamodb:BatchGet*",
                            "dynamodb:Describe*",
                            "dynamodb:Get*",
                            "dynamodb:List*",
                            "dynamodb:Query",
                            "dynamodb:Scan",
                            "ec2:Describe*",
                            "ec2:Get*",
                            "ecr:Describe*",
                            "ecr:Get*",
                            "ecr:List*",
                            "ecs:Describe*",
                            "ecs:List*",
                            "elasticloadbalancing:Describe*",
                            "events:Describe*",
                            "events:List*",
                            "events:Test*",
                            "iam:Generate*",
                            "iam:Get*",
                            "iam:List*",
                            "iam:Simulate*",
                            "kinesis:Describe*",
                            "kinesis:Get*",
                            "kinesis:List*",
                            "kms:Describe*",
                            "kms:Get*",
                            "kms:List*",
                            "lambda:Get*",
                            "lambda:List*",
                            "logs:Describe*",
                            "logs:FilterLogEvents",
                            "logs:Get*",
                            "logs:ListTagsLogGroup",
                            "logs:StartQuery",
                            "logs:StopQuery",
                            "logs:TestMetricFilter",
                            "s3:DescribeJob",
                            "s3:Get*",
                            "s3:List*",
                            "secretsmanager:Describe*",
                            "secretsmanager:GetResourcePolicy",
                            "secretsmanager:List*",
                            "sns:Check*",
                            "sns:Get*",
                            "sns:List*",
                            "sqs:Get*",
                            "sqs:List*",
                            "sqs:Receive*",
                            "ssm:Describe*",
                            "ssm:Get*",
                            "ssm:List*",
                            "states:Describe*",
                            "states:GetExecutionHistory",
                            "states:List*",
                            "sts:GetAccessKeyInfo",
                            "sts:GetCallerIdentity",
                            "sts:GetSessionToken",
                            "xray:BatchGet*",
                            "xray:Get*"
                        ],
                        "Resource": "*"
                    }
                ]
            }
            """),
    ]
}
