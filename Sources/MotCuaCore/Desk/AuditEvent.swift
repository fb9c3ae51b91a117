import Foundation

/// Who did something: the OS user at a counter. Kept on every event of the audit log.
public struct Actor: Hashable, Sendable, Codable {
    public var user: String
    public var counter: Int?
    public init(user: String, counter: Int?) { self.user = user; self.counter = counter }

    /// The logged-in OS user, which on a shared desk PC is the clerk's account.
    public static func current(counter: Int?) -> Actor {
        let env = ProcessInfo.processInfo.environment
        let name = env["USER"] ?? env["LOGNAME"] ?? ProcessInfo.processInfo.userName
        return Actor(user: name.isEmpty ? "unknown" : name, counter: counter)
    }
}

/// One line of the audit log: nothing changes without one, in the same transaction.
public struct AuditEvent: Hashable, Sendable, Codable {
    public var id: Int64?
    public var at: Date
    public var actor: Actor
    public var entity: String
    public var entityKey: String
    public var action: String
    /// JSON of the relevant before/after values.
    public var data: String
    /// The undo that took this change back (its batch), nil while it stands. The event stays in
    /// the log; what it changed does not.
    public var undoneBy: Int64?

    public init(id: Int64? = nil, at: Date, actor: Actor, entity: String, entityKey: String, action: String, data: String,
                undoneBy: Int64? = nil) {
        self.id = id; self.at = at; self.actor = actor; self.entity = entity
        self.entityKey = entityKey; self.action = action; self.data = data; self.undoneBy = undoneBy
    }

    /// A change still in force: not an undo itself, and not undone.
    public var stands: Bool { undoneBy == nil && action != "undo" }
}
