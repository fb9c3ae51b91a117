// Temporary until the Telex/VNI composer lands (Sources/MotCuaTUI/Input).
public struct PendingComposer: Sendable {
    public enum Kind: Sendable { case telex
        var next: Kind { .telex }
        func label(_ l: Any) -> String { "Telex" }
    }
    public var kind: Kind = .telex
    public init() {}
}
