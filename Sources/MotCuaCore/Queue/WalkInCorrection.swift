/// A correction of a walk-in registered today: the name misheard, a phone or CCCD added, the
/// procedure or priority changed. Nil leaves a field as it is; an empty string clears an optional
/// one. The ticket keeps its number (a priority added later does not move it to the B series).
public struct WalkInCorrection: Sendable, Hashable {
    public var ticketCode: String
    public var name: String?
    public var phone: String?
    public var idNumber: String?
    public var procedureCode: String?
    public var priority: String?
    public var priorityReason: String?

    public init(ticketCode: String, name: String? = nil, phone: String? = nil, idNumber: String? = nil,
                procedureCode: String? = nil, priority: String? = nil, priorityReason: String? = nil) {
        self.ticketCode = ticketCode; self.name = name; self.phone = phone; self.idNumber = idNumber
        self.procedureCode = procedureCode; self.priority = priority; self.priorityReason = priorityReason
    }

    public var isEmpty: Bool {
        name == nil && phone == nil && idNumber == nil && procedureCode == nil && priority == nil && priorityReason == nil
    }

    /// The ticket as corrected, with every changed field checked by the same rules as registering.
    public func applied(to ticket: Ticket, policy: PriorityPolicy, on day: LocalDate,
                        procedure lookup: (String) throws -> Procedure?) throws -> Ticket {
        guard !isEmpty else {
            throw FieldError(field: "ticket", label: Localized(vi: "Sửa phiếu", en: "Correction"),
                             problem: Localized(vi: "không có gì để sửa; cho biết --name, --phone, --id-number, --procedure hoặc --priority",
                                                en: "nothing to change; give --name, --phone, --id-number, --procedure or --priority"))
        }
        guard !ticket.status.isFinal || ticket.status == .done else {
            throw RuleViolation(code: "ticket_closed",
                                message: Localized(vi: "Phiếu \(ticket.code) đã \(ticket.status.label.vi.lowercased()), không sửa được",
                                                   en: "Ticket \(ticket.code) is \(ticket.status.label.en.lowercased()); it cannot be corrected"))
        }
        var t = ticket
        if let name { t.applicantName = try WalkInRequest.personName(name) }
        if let phone { t.phone = try TextInput.blankToNil(phone).map { try PhoneNumber.parse($0).digits } }
        if let idNumber { t.idNumber = try TextInput.blankToNil(idNumber).map { try CitizenID.parse($0, asOf: day).digits } }
        if let procedureCode {
            t.procedureCode = try TextInput.blankToNil(procedureCode).map { try WalkInRequest.checkProcedure($0, on: day, lookup).code }
        }
        if priority != nil || priorityReason != nil {
            let (code, reason) = try policy.validate(code: priority ?? ticket.priorityCode,
                                                     reason: priorityReason ?? (priority == nil ? ticket.priorityReason : nil))
            t.priorityCode = code
            t.priorityReason = reason
        }
        return t
    }
}
