import Foundation
import JSON

/// What every protocol's error encoding shares.
enum ErrorEncoding {
    /// The error with its query code filled in from the model's error shape, which is
    /// where the query-era codes live (`QueueDoesNotExist` → `AWS.SimpleQueueService.NonExistentQueue`).
    static func resolved(_ error: WireError, model: ServiceModel?) -> WireError {
        var error = error
        if error.queryCode == nil, let code = model?.errorShape(named: error.code)?.error?.code, code != error.code {
            error.queryCode = code
        }
        return error
    }

    /// The error's members as the body states them: its modeled fields, and its message
    /// under the name the error shape gives it (`Message` or `message`; `message` when
    /// unmodeled), left out when empty.
    static func fields(_ error: WireError, model: ServiceModel?) -> [String: JSONValue] {
        var fields = error.fields
        if !error.message.isEmpty {
            let name = messageMember(error, model: model) ?? "message"
            if fields[name] == nil { fields[name] = .string(error.message) }
        }
        return fields
    }

    /// The error shape's member holding the message, whatever its case.
    static func messageMember(_ error: WireError, model: ServiceModel?) -> String? {
        model?.errorShape(named: error.code)?.members.first { $0.name.lowercased() == "message" }?.name
    }

    /// `Sender` when the caller is at fault, else `Receiver`: query XML's `<Type>` and the
    /// fault half of `x-amzn-query-error`.
    static func fault(_ error: WireError) -> String { error.senderFault ? "Sender" : "Receiver" }
}
