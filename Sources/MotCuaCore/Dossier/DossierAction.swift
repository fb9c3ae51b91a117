import Foundation

/// A clerk's step on a received dossier. Each carries what the step records: who took the result,
/// where it was posted, what is missing, why it was refused. Stored in columns and typed event
/// data, never as a sentence.
public enum DossierActionKind: String, Sendable, CaseIterable, Codable {
    /// Sent on for processing, without naming where (kept for the desk's one-key step).
    case process
    /// Sent on for processing to a named department or officer (`sentTo`, `sentAt`).
    case send
    /// The result is back at the desk.
    case ready
    /// Handed over at the desk (receiver's name; their CCCD when not the applicant).
    case `return`
    /// Sent by public post (address, tracking number, postage).
    case post
    /// The post delivered the result: the dossier stays posted, the delivery time is recorded.
    case postDelivered = "post-delivered"
    /// The post brought the result back: ready at the desk again, listed to phone the citizen.
    case postReturned = "post-returned"
    /// Form 04: apology and a new due date (reason). The status stays; the dossier stays late.
    case apologize
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

    /// The status the step leads to. An apology keeps the dossier's status: it names
    /// `.processing` here, and `target(from:)` is exact for every step.
    public var target: DossierStatus {
        switch self {
        case .process, .send, .resume, .apologize: .processing
        case .ready, .postReturned: .ready
        case .return: .returned
        case .post, .postDelivered: .posted
        case .deliverHome: .deliveredHome
        case .supplement: .needsSupplement
        case .reject: .rejected
        case .withdraw: .withdrawn
        }
    }

    /// The status after the step taken on a dossier in `current`.
    public func target(from current: DossierStatus) -> DossierStatus { self == .apologize ? current : target }

    /// Steps a clerk cannot take back: the applicant has been told, so they confirm first.
    public var isIrreversible: Bool { self == .reject || self == .withdraw }

    public var label: Localized {
        switch self {
        case .process: Localized(vi: "Chuyển xử lý", en: "Send for processing")
        case .send: Localized(vi: "Chuyển xử lý", en: "Sent for processing")
        case .postDelivered: Localized(vi: "Bưu điện đã phát", en: "Delivered by post")
        case .postReturned: Localized(vi: "Bưu điện trả lại", en: "Returned by the post")
        case .apologize: Localized(vi: "Xin lỗi, hẹn lại ngày trả", en: "Apology and new due date")
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
    /// Why: a refusal, a withdrawal, or an apology (form 04).
    public var reason: String?
    /// `send`: the department or officer it goes to.
    public var sentTo: String?
    /// `post`: what the post charged (VND), if known.
    public var postage: Int?
    /// `apologize`: the new due date.
    public var newDueDate: LocalDate?
    /// `return`: the fee collected (VND); nil takes the fee of the procedure as received.
    public var feeCollected: Int?
    /// `post`: the clerk has seen the tracking number's check-digit warning and keeps it as
    /// written on the parcel (the desk asks; the CLI says `--accept-check-digit`).
    public var acceptsCheckDigitWarning = false

    public init(code: String, kind: DossierActionKind, receiverName: String? = nil, receiverIdNumber: String? = nil,
                address: String? = nil, trackingNumber: String? = nil, missing: [String] = [], reason: String? = nil,
                sentTo: String? = nil, postage: Int? = nil, newDueDate: LocalDate? = nil, feeCollected: Int? = nil) {
        self.code = code; self.kind = kind; self.receiverName = receiverName; self.receiverIdNumber = receiverIdNumber
        self.address = address; self.trackingNumber = trackingNumber; self.missing = missing; self.reason = reason
        self.sentTo = sentTo; self.postage = postage; self.newDueDate = newDueDate; self.feeCollected = feeCollected
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
        switch kind {
        case .postDelivered, .postReturned:
            // Only a result in the post's hands; once delivered it is in the citizen's hands.
            guard dossier.status == .posted else {
                throw RuleViolation(code: "dossier_transition",
                                    message: Localized(vi: "Hồ sơ \(dossier.code) đang '\(dossier.status.label.vi)', chưa gửi qua bưu chính",
                                                       en: "Dossier \(dossier.code) is '\(dossier.status.label.en)', not sent by post"))
            }
            if let at = dossier.postDeliveredAt {
                let when = VietnamTime.local(at)
                throw RuleViolation(code: "dossier_transition",
                                    message: Localized(vi: "Hồ sơ \(dossier.code): bưu điện đã phát lúc \(when.hhmm) ngày \(when.date.vietnamese)",
                                                       en: "Dossier \(dossier.code): the post delivered it at \(when.hhmm) on \(when.date.iso)"))
            }
            return
        case .apologize:
            guard dossier.status.isInProgress else {
                throw RuleViolation(code: "dossier_apology",
                                    message: Localized(vi: "Hồ sơ \(dossier.code) đang '\(dossier.status.label.vi)': chỉ xin lỗi, hẹn lại cho hồ sơ đang giải quyết",
                                                       en: "Dossier \(dossier.code) is '\(dossier.status.label.en)': only a dossier in progress gets an apology and a new date"))
            }
            return
        default:
            break
        }
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
    /// `calendar` decides whether an apology's new date is a working day.
    public static func apply(_ request: DossierActionRequest, to dossier: Dossier, procedure: Procedure? = nil,
                             now: Date, calendar: WorkingCalendar = WorkingCalendar()) throws -> DossierActionResult {
        let kind = request.kind
        try precheck(kind, on: dossier, procedure: procedure)
        var d = dossier
        var warnings: [Localized] = []
        switch kind {
        case .process:
            break
        case .send:
            d.sentTo = try TextInput.required(request.sentTo, field: "sent_to",
                                              label: Localized(vi: "Chuyển đến (phòng, cán bộ)", en: "Sent to (department, officer)"),
                                              maxLength: 120)
            d.sentAt = now
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
            d.feeCollected = try feeCollected(request, dossier)
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
            if let w = TrackingNumber.warning(for: TrackingNumber.check(tracking)) {
                // A mistyped number would send the citizen to track someone else's parcel, and a
                // posted dossier cannot be posted again: asked before anything is written.
                guard request.acceptsCheckDigitWarning else {
                    throw ConfirmationNeeded(kind: .trackingCheckDigit,
                                             message: Localized(vi: w.vi + ". Chưa lưu gì.", en: w.en + ". Nothing was saved."))
                }
                warnings.append(w)
            }
            d.trackingNumber = tracking
            d.deliveryAddress = address
            // The result went by post, whatever was chosen at receipt: the dossier says so.
            d.delivery = .post
            d.postage = try amount(request.postage, field: "postage", label: Localized(vi: "Cước bưu chính", en: "Postage"))
            d.postDeliveredAt = nil
        case .postDelivered:
            d.postDeliveredAt = now
            // The post worker collects the fee on delivery (Quyết định 45/2016/QĐ-TTg).
            d.feeCollected = try feeCollected(request, dossier)
        case .postReturned:
            // Back at the desk: no longer closed, and listed to phone the citizen.
            d.postReturnedAt = now
            d.closedAt = nil
        case .apologize:
            try checkApologyDue(dossier, today: VietnamTime.local(now).date, calendar: calendar)
            d.apologyReason = try TextInput.required(request.reason, field: "reason", label: reasonLabel)
            let newDue = try checkNewDueDate(request.newDueDate, for: dossier, today: VietnamTime.local(now).date, calendar: calendar)
            if d.originalDueDate == nil { d.originalDueDate = dossier.dueDate }
            d.dueDate = newDue
        case .deliverHome:
            d.delivery = .home
            d.resultReceiver = try WalkInRequest.personName(request.receiverName ?? "", field: "receiver_name",
                                                            label: Localized(vi: "Người nhận kết quả", en: "Received by"))
            d.feeCollected = try feeCollected(request, dossier)
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
        d.status = kind.target(from: dossier.status)
        // A step that closes the dossier (a post's delivery only records the time it reached the citizen).
        if d.status.isFinal && !dossier.status.isFinal { d.closedAt = now }
        return DossierActionResult(dossier: d, warnings: warnings)
    }

    static let newDueLabel = Localized(vi: "Ngày hẹn trả mới", en: "New due date")

    /// Form 04's new date: after the current due date, and a day the desk works (the citizen is
    /// told to come that day).
    /// An apology (form 04) is for a dossier that will be, or is, late: due today or past its
    /// date. One still within its time needs none yet. The desk asks this before its prompts.
    public static func checkApologyDue(_ dossier: Dossier, today: LocalDate, calendar: WorkingCalendar) throws {
        if case .dueIn(let left) = dossier.timeliness(today: today, calendar: calendar) {
            throw RuleViolation(code: "apologize_not_due",
                                message: Localized(vi: "Hồ sơ \(dossier.code) hẹn trả \(dossier.dueDate.vietnamese), còn \(left) ngày làm việc: chưa cần xin lỗi, hẹn lại",
                                                   en: "Dossier \(dossier.code) is due \(dossier.dueDate.iso), \(left) working day(s) left: no apology yet"))
        }
    }

    public static func checkNewDueDate(_ date: LocalDate?, for dossier: Dossier, today: LocalDate, calendar: WorkingCalendar) throws -> LocalDate {
        guard let date else {
            throw FieldError(field: "new_due", label: newDueLabel,
                             problem: Localized(vi: "bắt buộc khi xin lỗi, hẹn lại", en: "is required for an apology"))
        }
        guard date > dossier.dueDate else {
            throw FieldError(field: "new_due", label: newDueLabel,
                             problem: Localized(vi: "\(date.vietnamese) không sau ngày hẹn hiện tại \(dossier.dueDate.vietnamese)",
                                                en: "\(date.iso) is not after the current due date \(dossier.dueDate.iso)"))
        }
        // A late dossier's new date is promised to the citizen: it cannot be a day already gone.
        guard date >= today else {
            throw FieldError(field: "new_due", label: newDueLabel,
                             problem: Localized(vi: "\(date.vietnamese) đã qua; ngày hẹn mới phải từ hôm nay (\(today.vietnamese)) trở đi",
                                                en: "\(date.iso) has passed; the new date must be today (\(today.iso)) or later"))
        }
        guard calendar.isWorkingDay(date) else {
            let next = calendar.nextWorkingDay(onOrAfter: date)
            throw FieldError(field: "new_due", label: newDueLabel,
                             problem: Localized(vi: "\(date.vietnamese) không phải ngày làm việc; ngày làm việc kế tiếp là \(next.vietnamese)",
                                                en: "\(date.iso) is not a working day; the next working day is \(next.iso)"))
        }
        return date
    }

    /// The fee recorded as collected when the result reaches the citizen (at the desk, by the
    /// post, at home): what the clerk says, else what was already recorded, else the fee of the
    /// procedure as received.
    static func feeCollected(_ request: DossierActionRequest, _ dossier: Dossier) throws -> Int? {
        try amount(request.feeCollected ?? dossier.feeCollected ?? dossier.procedureSnapshot?.fee, field: "fee_collected",
                   label: Localized(vi: "Phí, lệ phí đã thu", en: "Fee collected"))
    }

    /// An amount of money in VND: whole, not negative, below a billion (a typing slip otherwise).
    static func amount(_ value: Int?, field: String, label: Localized) throws -> Int? {
        guard let value else { return nil }
        guard (0..<1_000_000_000).contains(value) else {
            throw FieldError(field: field, label: label,
                             problem: Localized(vi: "\(value) không hợp lệ; ghi số đồng từ 0 đến 999.999.999",
                                                en: "\(value) is not valid; give VND from 0 to 999,999,999"))
        }
        return value
    }
}
