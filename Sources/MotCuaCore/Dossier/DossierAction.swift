import Foundation

/// A clerk's step on a received dossier. Each carries what the step records: who took the result,
/// where it was posted, what is missing, why it was refused. Stored in columns and typed event
/// data, never as a sentence.
public enum DossierActionKind: String, Sendable, CaseIterable, Codable {
    /// Sent on for processing (to the officer or department).
    case process
    /// The result is back at the desk.
    case ready
    /// Handed over at the desk (receiver's name; their CCCD when not the applicant).
    case `return`
    /// Sent by public post (address, tracking number).
    case post
    /// Brought to the citizen's home (receiver's name).
    case deliverHome = "deliver-home"
    /// Returned to the applicant to complete (what is missing).
    case supplement
    /// The applicant brought what was missing: processing goes on.
    case resume
    /// Refused (reason). Cannot be undone.
    case reject
    /// Withdrawn at the applicant's request (reason). Cannot be undone.
    case withdraw

    /// The status the step leads to.
    public var target: DossierStatus {
        switch self {
        case .process, .resume: .processing
        case .ready: .ready
        case .return: .returned
        case .post: .posted
        case .deliverHome: .deliveredHome
        case .supplement: .needsSupplement
        case .reject: .rejected
        case .withdraw: .withdrawn
        }
    }

    /// Steps a clerk cannot take back: the applicant has been told, so they confirm first.
    public var isIrreversible: Bool { self == .reject || self == .withdraw }

    public var label: Localized {
        switch self {
        case .process: Localized(vi: "Chuyển xử lý", en: "Send for processing")
        case .ready: Localized(vi: "Có kết quả", en: "Result ready")
        case .return: Localized(vi: "Trả tại quầy", en: "Return at the desk")
        case .post: Localized(vi: "Gửi bưu chính", en: "Send by post")
        case .deliverHome: Localized(vi: "Trả tại nhà", en: "Deliver home")
        case .supplement: Localized(vi: "Yêu cầu bổ sung", en: "Request a supplement")
        case .resume: Localized(vi: "Đã bổ sung, tiếp tục giải quyết", en: "Supplemented, resume")
        case .reject: Localized(vi: "Từ chối", en: "Reject")
        case .withdraw: Localized(vi: "Rút hồ sơ", en: "Withdraw")
        }
    }
}

/// What the clerk enters for a step, before validation. Fields a step does not use are ignored.
public struct DossierActionRequest: Sendable, Hashable {
    public var code: String
    public var kind: DossierActionKind
    public var receiverName: String?
    public var receiverIdNumber: String?
    public var address: String?
    public var trackingNumber: String?
    public var missing: [String]
    public var reason: String?

    public init(code: String, kind: DossierActionKind, receiverName: String? = nil, receiverIdNumber: String? = nil,
                address: String? = nil, trackingNumber: String? = nil, missing: [String] = [], reason: String? = nil) {
        self.code = code; self.kind = kind; self.receiverName = receiverName; self.receiverIdNumber = receiverIdNumber
        self.address = address; self.trackingNumber = trackingNumber; self.missing = missing; self.reason = reason
    }
}

/// The outcome: the dossier as changed, and warnings the clerk should see (a tracking number
/// whose S10 check digit is wrong is kept, but said).
public struct DossierActionResult: Sendable, Hashable {
    public let dossier: Dossier
    public let warnings: [Localized]
    /// What the step changed besides the dossier (a home delivery booked for it, cancelled).
    public var notes: [Localized] = []

    public init(dossier: Dossier, warnings: [Localized], notes: [Localized] = []) {
        self.dossier = dossier; self.warnings = warnings; self.notes = notes
    }
}

public enum DossierRules {
    static let reasonLabel = Localized(vi: "Lý do", en: "Reason")

    /// What can be checked before asking the clerk anything: the move is allowed from the
    /// dossier's status, and a result leaves only by a way the procedure's catalog row allows (or
    /// the way chosen when it was received). The desk calls it before its prompts.
    public static func precheck(_ kind: DossierActionKind, on dossier: Dossier, procedure: Procedure?) throws {
        try dossier.status.check(to: kind.target, dossier: dossier.code)
        let way: Delivery? = switch kind {
        case .post: .post
        case .deliverHome: .home
        default: nil
        }
        guard let way, let procedure, !procedure.deliveries.contains(way), dossier.delivery != way else { return }
        let allowed = Delivery.allCases.filter(procedure.deliveries.contains)
        throw RuleViolation(code: "dossier_delivery",
                            message: Localized(vi: "Hồ sơ \(dossier.code): thủ tục \(procedure.code) chỉ trả kết quả: \(allowed.map(\.label.vi).joined(separator: ", "))",
                                               en: "Dossier \(dossier.code): procedure \(procedure.code) only delivers: \(allowed.map(\.label.en).joined(separator: ", "))"))
    }

    /// Whether a result handed to `receiver` goes to the applicant (otherwise the receiver's
    /// CCCD is recorded).
    public static func isApplicant(_ receiver: String, of dossier: Dossier) -> Bool {
        VietnameseText.fold(receiver) == VietnameseText.fold(dossier.applicantName)
    }

    /// Checks the step against the dossier's state and the step's own fields, and returns the
    /// dossier as it will be stored. With the dossier's `procedure`, a result leaves only by a way
    /// its catalog row allows (or the way chosen when it was received).
    public static func apply(_ request: DossierActionRequest, to dossier: Dossier, procedure: Procedure? = nil,
                             now: Date) throws -> DossierActionResult {
        let kind = request.kind
        try precheck(kind, on: dossier, procedure: procedure)
        var d = dossier
        var warnings: [Localized] = []
        switch kind {
        case .process:
            break
        case .ready:
            d.readyAt = now
        case .return:
            let receiver = try WalkInRequest.personName(request.receiverName ?? "", field: "receiver_name",
                                                        label: Localized(vi: "Người nhận kết quả", en: "Received by"))
            let idLabel = Localized(vi: "CCCD người nhận", en: "Receiver's ID number")
            let id: String?
            do {
                id = try TextInput.blankToNil(request.receiverIdNumber).map { try CitizenID.parse($0, asOf: VietnamTime.local(now).date).digits }
            } catch let e as FieldError {
                // Named for this field, not the applicant's CCCD.
                throw FieldError(field: "receiver_id_number", label: idLabel, problem: e.problem)
            }
            // Someone other than the applicant collects with their own identity paper (and
            // usually an authorisation): the desk records whose CCCD it saw.
            if !isApplicant(receiver, of: dossier), id == nil {
                throw FieldError(field: "receiver_id_number", label: idLabel,
                                 problem: Localized(vi: "bắt buộc khi người nhận không phải người nộp (\(dossier.applicantName))",
                                                    en: "required when the receiver is not the applicant (\(dossier.applicantName))"))
            }
            d.resultReceiver = receiver
            d.resultReceiverId = id
        case .post:
            let address = try TextInput.optional(request.address ?? dossier.deliveryAddress, field: "address",
                                                 label: Localized(vi: "Địa chỉ gửi", en: "Postal address"))
            guard let address else {
                throw FieldError(field: "address", label: Localized(vi: "Địa chỉ gửi", en: "Postal address"),
                                 problem: Localized(vi: "bắt buộc khi gửi qua bưu chính", en: "is required to send by post"))
            }
            let raw = try TextInput.required(request.trackingNumber, field: "tracking_number",
                                             label: Localized(vi: "Mã vận đơn", en: "Tracking number"), maxLength: 40)
            let tracking = TrackingNumber.normalize(raw)
            // Other formats than UPU S10 are kept (design: warn, do not refuse), but a code is
            // letters and digits of a plausible length: `x` or `abc def!` is a slip, not a parcel.
            guard (6...30).contains(tracking.count), tracking.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) else {
                throw FieldError(field: "tracking_number", label: Localized(vi: "Mã vận đơn", en: "Tracking number"),
                                 problem: Localized(vi: "'\(raw)' không hợp lệ; cần 6–30 chữ cái và chữ số, ví dụ EC136431858VN",
                                                    en: "'\(raw)' is not valid; expected 6–30 letters and digits, e.g. EC136431858VN"))
            }
            if let w = TrackingNumber.warning(for: TrackingNumber.check(tracking)) { warnings.append(w) }
            d.trackingNumber = tracking
            d.deliveryAddress = address
        case .deliverHome:
            d.resultReceiver = try WalkInRequest.personName(request.receiverName ?? "", field: "receiver_name",
                                                            label: Localized(vi: "Người nhận kết quả", en: "Received by"))
        case .supplement:
            let label = Localized(vi: "Giấy tờ cần bổ sung", en: "Missing documents")
            let items = try request.missing.compactMap { try TextInput.optional($0, field: "missing", label: label, maxLength: 200) }
            guard !items.isEmpty else {
                throw FieldError(field: "missing", label: label,
                                 problem: Localized(vi: "ghi ít nhất một giấy tờ còn thiếu", en: "name at least one missing document"))
            }
            d.missingItems = items
        case .resume:
            d.missingItems = []
        case .reject, .withdraw:
            d.reason = try TextInput.required(request.reason, field: "reason", label: reasonLabel)
        }
        d.status = kind.target
        if kind.target.isFinal { d.closedAt = now }
        return DossierActionResult(dossier: d, warnings: warnings)
    }
}
