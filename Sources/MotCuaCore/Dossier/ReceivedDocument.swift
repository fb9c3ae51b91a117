/// One paper of the dossier as received (thành phần hồ sơ): what it is and how many copies,
/// written on form 01 and kept with the dossier.
public struct ReceivedDocument: Hashable, Sendable, Codable {
    public var name: String
    /// Bản chính / bản sao counts as the clerk wrote them; at least one copy in all.
    public var originals: Int
    public var copies: Int

    public init(name: String, originals: Int = 0, copies: Int = 1) {
        self.name = name; self.originals = originals; self.copies = copies
    }
}
