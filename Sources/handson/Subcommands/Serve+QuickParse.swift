extension Serve {
    /// `handson serve`'s options read without ArgumentParser, whose reflection over the
    /// command's properties is a sixth of the emulator's start-up (each property wrapper's
    /// type is looked up in the whole binary's conformance table). Only plainly well-formed
    /// arguments are taken: anything else (help, an unknown option, a value that is not a
    /// number) returns nil, and ArgumentParser parses it and reports the error as usual.
    static func parsedQuickly(_ arguments: [String]) -> Serve? {
        var serve = Serve()
        // Every property must be set: a property wrapper not set by a parser has no value.
        serve.port = Defaults.port
        serve.host = Defaults.host
        serve.dataDir = nil
        serve.inMemory = false
        serve.accountId = Defaults.accountId
        serve.region = Defaults.region
        serve.portFile = nil
        serve.tokenFile = nil
        serve.allowOrigin = []
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            if name == "--in-memory" {
                serve.inMemory = true
                continue
            }
            guard let value = remaining.popFirst(), !value.hasPrefix("-") else { return nil }
            switch name {
            case "--port":
                guard let port = Int(value) else { return nil }
                serve.port = port
            case "--host": serve.host = value
            case "--data-dir": serve.dataDir = value
            case "--account-id": serve.accountId = value
            case "--region": serve.region = value
            case "--port-file": serve.portFile = value
            case "--token-file": serve.tokenFile = value
            case "--allow-origin": serve.allowOrigin.append(value)
            default: return nil
            }
        }
        guard (try? serve.validate()) != nil else { return nil }
        return serve
    }
}
