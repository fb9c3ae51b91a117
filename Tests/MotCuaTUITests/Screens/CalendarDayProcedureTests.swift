import Foundation
import Testing
import MotCuaCore
@testable import MotCuaTUI

/// Issue 7 at the desk: a calendar-day procedure says "30 ngày", not "30 ngày làm việc", in the
/// picker and beside the due date the receive form previews.
@Suite struct CalendarDayProcedureTests {
    @Test func receiveFormShowsTheUnit() throws {
        let f = try ScreenFixture()
        try f.keys("F5 F4")
        f.type("nuoi con nuoi")
        #expect(f.rows.contains { $0.contains("Đăng ký nuôi con nuôi trong nước  NCN-TN") }, "\(f.rows)")
        try f.keys("Tab")
        // Received Wed 25/11/2026 09:00: day 30 is Fri 25/12/2026, a working day.
        let due = try #require(f.rows.first { $0.contains("Ngày hẹn trả") }, "\(f.rows)")
        #expect(due.contains("25/12/2026 (30 ngày)"), "\(due)")
        #expect(!due.contains("làm việc"), "\(due)")
    }

    @Test func pickerSubtitleSaysTheUnit() throws {
        let ncn = try #require(ProcedureCatalog.builtIn.procedure(code: "NCN-TN"))
        #expect(PickerItem(procedure: ncn).subtitle == "NCN-TN · Nuôi con nuôi · 30 ngày")
        #expect(PickerItem(procedure: ncn, language: .en).subtitle == "NCN-TN · Nuôi con nuôi · 30 days")
        let xnhn = try #require(ProcedureCatalog.builtIn.procedure(code: "HT-XNHN"))
        #expect(PickerItem(procedure: xnhn).subtitle == "HT-XNHN · Hộ tịch · 3 ngày làm việc")
    }
}
