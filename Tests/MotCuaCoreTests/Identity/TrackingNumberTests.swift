import PropertyBased
import Testing
@testable import MotCuaCore

@Suite struct TrackingNumberTests {
    @Test func designExamplePasses() {
        #expect(TrackingNumber.check("EC136431858VN") == .valid)
        #expect(TrackingNumber.check(" ec 1364 3185 8 vn ") == .valid)
        #expect(TrackingNumber.warning(for: .valid) == nil)
    }

    @Test func badCheckDigitWarns() {
        #expect(TrackingNumber.check("EC136431859VN") == .badCheckDigit(expected: 8))
        let w = TrackingNumber.warning(for: TrackingNumber.check("EC136431859VN"))
        #expect(w?.vi.contains("8") == true)
    }

    @Test(arguments: ["", "EC13643185VN", "1234567890", "EC13643185XVN", "VN123", "E1136431858VN", "EC136431858V1"])
    func otherFormatsAreNotRefused(_ raw: String) {
        #expect(TrackingNumber.check(raw) == .otherFormat)
        #expect(TrackingNumber.warning(for: .otherFormat) == nil)
    }

    @Test func specialRemainders() {
        // Weights 8 6 4 2 3 5 9 7.
        #expect(TrackingNumber.checkDigit(serial: [0, 0, 0, 0, 0, 0, 0, 0]) == 5)   // sum 0: 11 → 5
        #expect(TrackingNumber.checkDigit(serial: [0, 1, 0, 0, 0, 1, 0, 0]) == 5)   // 6 + 5 = 11: 11 → 5
        #expect(TrackingNumber.checkDigit(serial: [0, 0, 0, 0, 0, 1, 2, 0]) == 0)   // 5 + 18 = 23 ≡ 1: 10 → 0
        #expect(TrackingNumber.checkDigit(serial: [0, 0, 0, 0, 0, 0, 2, 0]) == 4)   // 18 ≡ 7: 4
        #expect(TrackingNumber.checkDigit(serial: [1, 2, 3]) == nil)
    }

    /// Every serial with its computed check digit passes; every other digit is caught.
    @Test func computedCheckDigitsPass() async {
        await propertyCheck(input: Gen.int(in: 0...99_999_999), Gen.int(in: 1...9)) { n, delta in
            let serialText = String(n).leftPad(8)
            let serial = serialText.compactMap { $0.wholeNumberValue }
            guard let c = TrackingNumber.checkDigit(serial: serial) else { Issue.record("nil"); return }
            #expect(TrackingNumber.check("RR\(serialText)\(c)VN") == .valid)
            let wrong = (c + delta) % 10
            #expect(TrackingNumber.check("RR\(serialText)\(wrong)VN") == .badCheckDigit(expected: c))
        }
    }
}

private extension String {
    func leftPad(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
