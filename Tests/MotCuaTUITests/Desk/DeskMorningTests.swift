import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// The yardstick: a morning at the desk (20 walk-ins, 3 priority, 8 dossiers received,
/// 2 no-shows) done with keys only, then checked in the database.
@Suite("Desk: a whole morning by keys")
struct DeskMorningTests {
    static let names = ["Nguyeenx Vawn An", "Traanf Thij Bichs", "Leeo Vawn Cuwowngf", "Phamj Thij Dung", "Hoangf Vawn Ddaatj",
                        "Huyfnh Thij Giang", "Phan Vawn Hair", "Vux Thij Hoa", "Voox Vawn Huwng", "DDawngj Thij Lan",
                        "Buif Vawn Long", "DDoox Thij Mai", "Hoof Vawn Nam", "Ngoo Thij Oanh", "Duwowng Vawn Phucs",
                        "Lys Thij Quyeen", "Nguyeenx Vawn Sown", "Traanf Thij Thaor", "Leeo Vawn Tuaans", "Phamj Thij Yeens"]

    @Test("20 walk-ins (3 priority), 8 dossiers, 2 no-shows")
    func morning() throws {
        let f = try DeskFlow(at: "2026-11-25 08:00")
        for (i, name) in Self.names.enumerated() {
            try f.keys("F2")
            f.type(name)
            if [3, 9, 15].contains(i) { try f.keys("Tab Right") }  // the first priority group
            try f.keys("Enter Esc")
        }
        #expect(f.screen.contains("Đang chờ (20)"))
        var received = 0, noShows = 0
        for i in 0..<20 {
            try f.keys("F5")
            if [4, 11].contains(i) {
                try f.keys("F8")
                f.type("c")
                noShows += 1
                continue
            }
            if received < 8 && i % 2 == 0 {
                try f.keys("F4")
                f.type(i % 4 == 0 ? "ks" : "xac nhan tinh trang")
                try f.keys("Enter Enter")
                #expect(f.screen.contains("MÃ HỒ SƠ"), "dossier \(i): \(f.screen)")
                try f.keys("Esc")
                received += 1
            }
            try f.keys("F7")
        }
        let tickets = try f.db.tickets(day: f.today)
        #expect(tickets.count == 20)
        #expect(tickets.filter(\.isPriority).count == 3)
        #expect(tickets.filter { $0.status == .noShow }.count == 2)
        #expect(tickets.filter { $0.status == .done }.count == 18)
        // Priority tickets were called first.
        // The clock is pinned, so the audit log's order tells the calling order.
        func callEventID(_ t: Ticket) throws -> Int64 {
            try f.db.events(entity: "ticket", key: "\(t.day.iso)/\(t.code)").first { $0.action == "call" }?.id ?? .max
        }
        let calledOrder = try tickets.sorted { try callEventID($0) < callEventID($1) }
        #expect(calledOrder.prefix(3).allSatisfy { $0.isPriority })
        #expect(calledOrder.prefix(3).map(\.code) == ["B001", "B002", "B003"])
        let dossiers = try f.db.dossiers(matching: DossierQuery())
        #expect(dossiers.count == 8)
        #expect(dossiers.allSatisfy { $0.ticketCode != nil })
        #expect(tickets.contains { $0.applicantName == "Dương Văn Phúc" })
        #expect(try f.db.check().isEmpty)
        #expect(f.screen.contains("Đang chờ (0)"))
    }
}
