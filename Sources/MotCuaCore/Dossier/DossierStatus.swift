/// The life of a dossier (hồ sơ). Results leave the desk in one of three ways; a dossier can also
/// be sent back for completion, refused, or withdrawn by the applicant.
public enum DossierStatus: String, Sendable, Codable, CaseIterable {
    case received
    case processing
    case needsSupplement = "needs-supplement"
    case ready
    case returned
    case posted
    case deliveredHome = "delivered-home"
    case rejected
    case withdrawn

    public var isFinal: Bool {
        switch self {
        case .returned, .posted, .deliveredHome, .rejected, .withdrawn: true
        default: false
        }
    }

    /// Still counted against the due date.
    public var isOpen: Bool { !isFinal }

    /// Every status of a dossier not yet finished (the register's "open" list).
    public static let openStatuses: Set<DossierStatus> = Set(allCases.filter(\.isOpen))

    /// Still being resolved, so counted against the due date: a dossier whose result is ready is
    /// resolved (Thông tư 01/2020's "đã giải quyết"), even if the citizen has not collected it.
    public var isInProgress: Bool { isOpen && self != .ready }

    /// The statuses the overdue rule looks at (the store's overdue query uses it).
    public static let inProgressStatuses: Set<DossierStatus> = Set(allCases.filter(\.isInProgress))

    public var label: Localized {
        switch self {
        case .received: Localized(vi: "Đã tiếp nhận", en: "Received")
        case .processing: Localized(vi: "Đang giải quyết", en: "Processing")
        case .needsSupplement: Localized(vi: "Chờ bổ sung", en: "Needs supplement")
        case .ready: Localized(vi: "Có kết quả", en: "Ready")
        case .returned: Localized(vi: "Đã trả tại quầy", en: "Returned at desk")
        case .posted: Localized(vi: "Đã gửi bưu chính", en: "Sent by post")
        case .deliveredHome: Localized(vi: "Đã trả tại nhà", en: "Delivered home")
        case .rejected: Localized(vi: "Từ chối", en: "Rejected")
        case .withdrawn: Localized(vi: "Rút hồ sơ", en: "Withdrawn")
        }
    }

    /// The moves the one-stop process allows. Anything else is refused with the reason.
    public static let transitions: [DossierStatus: Set<DossierStatus>] = [
        .received: [.processing, .needsSupplement, .rejected, .withdrawn, .ready],
        .processing: [.ready, .needsSupplement, .rejected, .withdrawn],
        // Once the applicant brings what was missing, processing starts again.
        .needsSupplement: [.processing, .withdrawn, .rejected],
        .ready: [.returned, .posted, .deliveredHome, .withdrawn],
    ]

    public static func parse(_ raw: String) throws -> DossierStatus {
        let t = raw.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        if let s = DossierStatus(rawValue: t) { return s }
        let list = allCases.map(\.rawValue).joined(separator: ", ")
        throw FieldError(field: "status", label: Localized(vi: "Trạng thái", en: "Status"),
                         problem: Localized(vi: "không có trạng thái '\(raw)'; chọn một trong: \(list)",
                                            en: "no status '\(raw)'; choose one of: \(list)"))
    }

    /// Throws a `RuleViolation` naming both states and why the move is not allowed.
    public func check(to next: DossierStatus, dossier code: String) throws {
        if DossierStatus.transitions[self]?.contains(next) == true { return }
        if next == self {
            throw RuleViolation(code: "dossier_transition",
                                message: Localized(vi: "Hồ sơ \(code) đã ở trạng thái '\(label.vi)'", en: "Dossier \(code) is already '\(label.en)'"))
        }
        let why: Localized
        if isFinal {
            why = Localized(vi: "hồ sơ đã kết thúc", en: "the dossier is closed")
        } else if [.returned, .posted, .deliveredHome].contains(next) {
            why = Localized(vi: "chỉ trả kết quả khi hồ sơ đã có kết quả", en: "a result can only leave once the dossier is ready")
        } else {
            why = Localized(vi: "quy trình không cho phép bước này", en: "the process does not allow this step")
        }
        throw RuleViolation(code: "dossier_transition",
                            message: Localized(vi: "Hồ sơ \(code): không thể chuyển từ '\(label.vi)' sang '\(next.label.vi)': \(why.vi)",
                                               en: "Dossier \(code): cannot change from '\(label.en)' to '\(next.label.en)': \(why.en)"))
    }
}

import Foundation
