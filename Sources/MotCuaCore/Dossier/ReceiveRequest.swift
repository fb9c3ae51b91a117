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

    public init(procedureCode: String, name: String, idNumber: String? = nil, phone: String? = nil,
                address: String? = nil, ticketCode: String? = nil, channel: String = "direct",
                delivery: String? = nil, deliveryAddress: String? = nil, notes: String? = nil) {
        self.procedureCode = procedureCode; self.name = name; self.idNumber = idNumber; self.phone = phone
        self.address = address; self.ticketCode = ticketCode; self.channel = channel; self.delivery = delivery
        self.deliveryAddress = deliveryAddress; self.notes = notes
    }

    public func validated(procedure lookup: (String) -> Procedure?) throws -> ValidReceive {
        let code = try WalkInRequest.checkProcedure(self.procedureCode, lookup)
        guard let procedure = lookup(code) else { throw FieldError(field: "procedure", label: Localized(vi: "Thủ tục", en: "Procedure"), problem: Localized(vi: "không có trong danh mục", en: "not in the catalog")) }
        let name = try WalkInRequest.personName(self.name)
        let id = try self.idNumber.flatMap(WalkInRequest.blankToNil).map { try CitizenID.parse($0).digits }
        let phone = try self.phone.flatMap(WalkInRequest.blankToNil).map { try PhoneNumber.parse($0).digits }
        let address = try self.address.flatMap(WalkInRequest.blankToNil).map { try VietnameseText.validateName($0, field: "address") }
        let channel = try Channel.parse(self.channel)
        let chosen: Delivery
        if let raw = self.delivery.flatMap(WalkInRequest.blankToNil) {
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
        var deliveryAddress = try self.deliveryAddress.flatMap(WalkInRequest.blankToNil).map { try VietnameseText.validateName($0, field: "delivery_address") }
        if chosen != .desk && deliveryAddress == nil { deliveryAddress = address }
        if chosen != .desk && deliveryAddress == nil {
            throw FieldError(field: "delivery_address", label: Localized(vi: "Địa chỉ nhận kết quả", en: "Delivery address"),
                             problem: Localized(vi: "bắt buộc khi trả qua bưu chính hoặc tại nhà",
                                                en: "required when the result goes by post or home"))
        }
        // An address typed for post and then switched back to the desk is not kept.
        if chosen == .desk { deliveryAddress = nil }
        let notes = self.notes.map(VietnameseText.normalize).flatMap(WalkInRequest.blankToNil)
        let ticket = try self.ticketCode.flatMap(WalkInRequest.blankToNil).map { raw -> String in
            let t = try Ticket.parse(code: raw); return Ticket.code(series: t.series, number: t.number)
        }
        if ticket != nil && channel != .direct {
            throw FieldError(field: "channel", label: Localized(vi: "Hình thức nộp", en: "Channel"),
                             problem: Localized(vi: "người có số thứ tự nộp trực tiếp tại quầy", en: "a ticket holder submits in person"))
        }
        return ValidReceive(procedure: procedure, applicant: Applicant(name: name, idNumber: id, phone: phone, address: address),
                            channel: channel, delivery: chosen, deliveryAddress: deliveryAddress, notes: notes, ticketCode: ticket)
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
}

import Foundation
