/// What the clerk enters to receive a dossier, before validation.
public struct ReceiveRequest: Sendable {
    public var procedureCode: String
    public var name: String
    public var idNumber: String?
    public var phone: String?
    public var address: String?
    public var ticketCode: String?
    public var channel: String
    public var delivery: String?
    public var deliveryAddress: String?
    public var notes: String?
    /// The clerk's answer when the CCCD is on file under another name (nil: not asked yet).
    public var identity: IdentityChoice?
    /// The clerk confirmed a second dossier for the same person and procedure today.
    public var allowDuplicate: Bool
    /// The papers received (form 01's list), each with its counts.
    public var documents: [ReceivedDocument] = []

    public init(procedureCode: String, name: String, idNumber: String? = nil, phone: String? = nil,
                address: String? = nil, ticketCode: String? = nil, channel: String = "direct",
                delivery: String? = nil, deliveryAddress: String? = nil, notes: String? = nil,
                identity: IdentityChoice? = nil, allowDuplicate: Bool = false, documents: [ReceivedDocument] = []) {
        self.documents = documents
        self.identity = identity; self.allowDuplicate = allowDuplicate
        self.procedureCode = procedureCode; self.name = name; self.idNumber = idNumber; self.phone = phone
        self.address = address; self.ticketCode = ticketCode; self.channel = channel; self.delivery = delivery
        self.deliveryAddress = deliveryAddress; self.notes = notes
    }

    /// A dossier received from a ticket starts from what the walk-in gave when the ticket was
    /// issued: name, CCCD, phone and procedure fill whatever was not entered. The desk's receive
    /// form opens with these values and `dossier receive --ticket T` takes them, so the applicant
    /// on file is the same whichever front end received it.
    public func filledIn(from ticket: Ticket) -> ReceiveRequest {
        var r = self
        if TextInput.nonBlank(r.name) == nil { r.name = ticket.applicantName }
        if TextInput.nonBlank(r.idNumber) == nil { r.idNumber = ticket.idNumber }
        if TextInput.nonBlank(r.phone) == nil { r.phone = ticket.phone }
        if TextInput.nonBlank(r.procedureCode) == nil, let code = ticket.procedureCode { r.procedureCode = code }
        if TextInput.nonBlank(r.ticketCode) == nil { r.ticketCode = ticket.code }
        return r
    }

    public func validated(on day: LocalDate, procedure lookup: (String) throws -> Procedure?) throws -> ValidReceive {
        let procedure = try WalkInRequest.checkProcedure(self.procedureCode, on: day, lookup)
        let name = try WalkInRequest.personName(self.name)
        let id = try self.idNumber.flatMap(TextInput.blankToNil).map { try CitizenID.parse($0, asOf: day).digits }
        let phone = try self.phone.flatMap(TextInput.blankToNil).map { try PhoneNumber.parse($0).digits }
        let address = try self.address.flatMap(TextInput.blankToNil).map { try TextInput.required($0, field: "address", label: Localized(vi: "Địa chỉ", en: "Address"), maxLength: 200) }
        let channel = try Channel.parse(self.channel)
        let chosen: Delivery
        if let raw = self.delivery.flatMap(TextInput.blankToNil) {
            guard let d = Delivery(rawValue: raw.lowercased()) else {
                throw FieldError(field: "delivery", label: Localized(vi: "Nhận kết quả", en: "Delivery"),
                                 problem: Localized(vi: "'\(raw)' không hợp lệ; chọn desk, post hoặc home",
                                                    en: "'\(raw)' is not valid; choose desk, post or home"))
            }
            chosen = d
        } else {
            chosen = .desk
        }
        if !procedure.deliveries.contains(chosen) {
            let allowed = Delivery.allCases.filter(procedure.deliveries.contains)
            throw FieldError(field: "delivery", label: Localized(vi: "Nhận kết quả", en: "Delivery"),
                             problem: Localized(vi: "thủ tục \(procedure.code) chỉ trả kết quả: \(allowed.map(\.label.vi).joined(separator: ", "))",
                                                en: "procedure \(procedure.code) only delivers: \(allowed.map(\.label.en).joined(separator: ", "))"))
        }
        var deliveryAddress = try self.deliveryAddress.flatMap(TextInput.blankToNil).map { try TextInput.required($0, field: "delivery_address", label: Localized(vi: "Địa chỉ nhận kết quả", en: "Delivery address"), maxLength: 200) }
        if chosen != .desk && deliveryAddress == nil { deliveryAddress = address }
        if chosen != .desk && deliveryAddress == nil {
            throw FieldError(field: "delivery_address", label: Localized(vi: "Địa chỉ nhận kết quả", en: "Delivery address"),
                             problem: Localized(vi: "bắt buộc khi trả qua bưu chính hoặc tại nhà",
                                                en: "required when the result goes by post or home"))
        }
        // An address typed for post and then switched back to the desk is not kept.
        if chosen == .desk { deliveryAddress = nil }
        let notes = try TextInput.optional(self.notes, field: "notes", label: Localized(vi: "Ghi chú", en: "Notes"))
        let ticket = try self.ticketCode.flatMap(TextInput.blankToNil).map { raw -> String in
            let t = try Ticket.parse(code: raw); return Ticket.code(series: t.series, number: t.number)
        }
        if ticket != nil && channel != .direct {
            throw FieldError(field: "channel", label: Localized(vi: "Hình thức nộp", en: "Channel"),
                             problem: Localized(vi: "người có số thứ tự nộp trực tiếp tại quầy", en: "a ticket holder submits in person"))
        }
        // None written: the procedure's usual papers from the catalog, the same at the desk (whose
        // form offers them) and on the command line.
        let documents = self.documents.isEmpty ? procedure.documents : try self.documents.map { try $0.validated() }
        return ValidReceive(procedure: procedure, applicant: Applicant(name: name, idNumber: id, phone: phone, address: address),
                            channel: channel, delivery: chosen, deliveryAddress: deliveryAddress, notes: notes, ticketCode: ticket,
                            identity: identity, allowDuplicate: allowDuplicate, documents: documents)
    }
}

public struct ValidReceive: Sendable, Hashable {
    public let procedure: Procedure
    public let applicant: Applicant
    public let channel: Channel
    public let delivery: Delivery
    public let deliveryAddress: String?
    public let notes: String?
    public let ticketCode: String?
    public let identity: IdentityChoice?
    public let allowDuplicate: Bool
    public var documents: [ReceivedDocument] = []
}

import Foundation
