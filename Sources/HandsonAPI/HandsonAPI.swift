/// The emulator's own HTTP contract, beside the AWS APIs: the paths under `/_handson` that
/// lab checks, the learner's tools and function runtimes use (docs/state.md). Defined once
/// here, for the server that answers them and the clients that call them.
public enum HandsonAPI {
    /// Everything of the emulator's own lives below this prefix.
    public static let root = "/_handson"
    /// `root` and a slash: what every path below it starts with (checked on every request).
    public static let rootPrefix = root + "/"
    /// The header carrying the emulator's token, which every path below the root except
    /// `health` (and services' routes that check a secret in their own URL) requires, as
    /// does `motoReset` (docs/security.md).
    public static let tokenHeader = "X-Handson-Token"
    /// The environment variable naming the file that holds the token of the emulator at
    /// `HANDSON_ENDPOINT` (set in the learner's shell and by `handson test`).
    public static let tokenFileVariable = "HANDSON_TOKEN_FILE"
    /// `GET`: running, version, services, account, region, persistent.
    public static let health = "/_handson/health"
    /// `GET`, `?query=JMESPath`: the state document lab checks read.
    public static let state = "/_handson/state"
    /// `POST`: forget every resource and the call log.
    public static let reset = "/_handson/reset"
    /// `POST`: moto's reset path, for test suites written against moto.
    public static let motoReset = "/moto-api/reset"
    /// `GET` the virtual clock; `POST {"advance": "5m"}` moves it forward.
    public static let clock = "/_handson/clock"
    /// `GET`: the names of saved snapshots.
    public static let snapshots = "/_handson/snapshots"

    /// `POST`: save the whole state under `name`.
    public static func snapshot(_ name: String) -> String { "\(snapshots)/\(name)" }

    /// `POST`: put back the state saved under `name`.
    public static func restoreSnapshot(_ name: String) -> String { "\(snapshots)/\(name)/restore" }

    /// The full path of a service's own route (`ServiceRoute.path`, relative to the root).
    public static func servicePath(_ relative: String) -> String { rootPrefix + relative }
}
