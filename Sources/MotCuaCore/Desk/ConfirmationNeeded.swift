/// The action is allowed only once the clerk has answered a question: a CCCD already on file
/// under another name, a second dossier for the same person and procedure today, a tracking
/// number whose check digit is wrong. The desk
/// asks; the command line says which option answers it. Nothing was written.
public struct ConfirmationNeeded: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The CCCD belongs to a citizen on file under another name: use the record on file,
        /// or correct the record to the name given now.
        case identityConflict = "identity_conflict"
        /// The same applicant already has a dossier for this procedure today.
        case duplicateDossier = "duplicate_dossier"
        /// A tracking number whose UPU S10 check digit is wrong: kept only when the clerk says
        /// it is written so on the parcel.
        case trackingCheckDigit = "tracking_check_digit"
    }

    public let kind: Kind
    public let message: Localized
    /// For an identity conflict: the name on file.
    public let nameOnFile: String?

    public init(kind: Kind, message: Localized, nameOnFile: String? = nil) {
        self.kind = kind; self.message = message; self.nameOnFile = nameOnFile
    }

    public var description: String { message.vi }
}

/// The clerk's answer to an identity conflict.
public enum IdentityChoice: String, Sendable, Hashable, CaseIterable {
    /// The citizen on file is the one in front of the desk; the name typed was a slip.
    case useRecordOnFile = "use-record"
    /// The record on file is wrong (or the name changed): correct it; the old name stays in the audit log.
    case correctRecord = "correct-record"
}
