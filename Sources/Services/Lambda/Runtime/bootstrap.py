"""handson's Python runtime for Lambda: the Lambda Runtime API loop, as AWS's own runtime
interface client runs it, in a few lines. Started by the emulator with the function's
folder as LAMBDA_TASK_ROOT and _HANDLER as module.function."""
import http.client
import importlib
import json
import os
import sys
import time
import traceback

HOST, _, PREFIX = os.environ["AWS_LAMBDA_RUNTIME_API"].partition("/")
API = ("/" + PREFIX if PREFIX else "") + "/2018-06-01/runtime"
# One kept-alive connection for the environment's life: a new one per call costs a warm
# invocation more than the call itself.
connection = http.client.HTTPConnection(HOST)


def request(method, path, body=None, headers=None):
    """Returns (status, headers, body); a runtime whose environment is gone (410) exits."""
    connection.request(method, API + path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    if response.status == 410:
        sys.exit(0)
    return response.status, response.headers, data


def end_of_output(request_id):
    """Marks the end of an invocation's output: the emulator reads the pipe on its own thread,
    and waits for this line so a print just before the response still lands before END."""
    sys.stderr.flush()
    sys.stdout.write(f"\x1ehandson-end {request_id}\n")
    sys.stdout.flush()


def post(path, body, headers=None):
    request("POST", path, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})})


def handler_frames(exc):
    # The first frame is this bootstrap calling the handler; AWS shows only the function's.
    return traceback.extract_tb(exc.__traceback__)[1:]


def error_body(exc):
    return {"errorMessage": str(exc), "errorType": type(exc).__name__,
            "stackTrace": traceback.format_list(handler_frames(exc))}


class Context:
    def __init__(self, request_id, deadline_ms, arn):
        self.aws_request_id = request_id
        self.invoked_function_arn = arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        self.memory_limit_in_mb = int(os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"))
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME", "")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME", "")
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


def load_handler():
    module_name, _, function_name = os.environ["_HANDLER"].rpartition(".")
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    module = importlib.import_module(module_name.replace("/", "."))
    return getattr(module, function_name)


def main():
    try:
        handler = load_handler()
    except Exception as exc:  # an import error is an init error, as on AWS
        print(f"[ERROR] Runtime.ImportModuleError: Unable to import module '{os.environ['_HANDLER']}': {exc}", file=sys.stderr, flush=True)
        post("/init/error", {"errorMessage": f"Unable to import module '{os.environ['_HANDLER']}': {exc}",
                             "errorType": "Runtime.ImportModuleError", "stackTrace": []})
        sys.exit(1)
    while True:
        status, headers, data = request("GET", "/invocation/next")
        if status != 200:
            sys.exit(f"the Runtime API answered {status} to invocation/next")
        request_id = headers["Lambda-Runtime-Aws-Request-Id"]
        deadline = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))
        arn = headers.get("Lambda-Runtime-Invoked-Function-Arn", "")
        event = json.loads(data or b"null")
        try:
            result = handler(event, Context(request_id, deadline, arn))
            end_of_output(request_id)
            post(f"/invocation/{request_id}/response", result)
        except Exception as exc:
            body = error_body(exc)
            frames = "".join(traceback.format_list(handler_frames(exc)))
            print(f"[ERROR] {body['errorType']}: {body['errorMessage']}\nTraceback (most recent call last):\n{frames}",
                  file=sys.stderr, end="", flush=True)
            end_of_output(request_id)
            post(f"/invocation/{request_id}/error", body, {"Lambda-Runtime-Function-Error-Type": body["errorType"]})


if __name__ == "__main__":
    main()
