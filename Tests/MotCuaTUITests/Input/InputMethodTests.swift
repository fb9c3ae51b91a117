import Foundation
import MotCuaCore
import PropertyBased
import Testing
@testable import MotCuaTUI

@Suite struct InputMethodTests {
    @Test func cycleAndLabels() {
        #expect(InputMethodKind.telex.next == .vni)
        #expect(InputMethodKind.vni.next == .off)
        #expect(InputMethodKind.off.next == .telex)
        #expect(InputMethodKind.allCases.map { $0.label(.vi) } == ["Telex", "VNI", "Tắt"])
        #expect(InputMethodKind.allCases.map { $0.label(.en) } == ["Telex", "VNI", "Off"])
        #expect(InputMethodKind.off.label == "Tắt")
        #expect(ToneStyle.new.label(.vi).contains("hòa"))
        #expect(ToneStyle.old.label(.en).contains("hoà"))
    }

    /// Open `oa`, `oe`, `uy`: `.new` is `hòa` (tone on the first vowel), `.old` is `hoà`.
    @Test(arguments: [
        ("hoaf", "hòa", "hoà"), ("thuys", "thúy", "thuý"), ("khoer", "khỏe", "khoẻ"),
        ("Hoaf", "Hòa", "Hoà"), ("HOAF", "HÒA", "HOÀ"), ("quys", "quý", "quý"),
        // A final consonant or a marked vowel decides in both styles.
        ("hoangf", "hoàng", "hoàng"), ("toans", "toán", "toán"), ("thuyeets", "thuyết", "thuyết"),
        ("khoef", "khòe", "khoè"), ("hoaix", "hoãi", "hoãi"), ("thuees", "thuế", "thuế"),
        ("huynhf", "huỳnh", "huỳnh"), ("hoawcj", "hoặc", "hoặc"),
    ])
    func toneStyles(_ keys: String, _ new: String, _ old: String) {
        #expect(VietnameseComposer(kind: .telex, toneStyle: .new).compose(keys) == new)
        #expect(VietnameseComposer(kind: .telex, toneStyle: .old).compose(keys) == old)
    }

    @Test func toneStylesInVNI() {
        #expect(VietnameseComposer(kind: .vni, toneStyle: .new).compose("hoa2 thuy1") == "hòa thúy")
        #expect(VietnameseComposer(kind: .vni, toneStyle: .old).compose("hoa2 thuy1") == "hoà thuý")
        #expect(VietnameseComposer(kind: .vni, toneStyle: .old).compose("hoa2n") == "hoàn")
    }

    @Test func offIsIdentity() {
        let off = VietnameseComposer(kind: .off)
        #expect(off.compose("Nguyeenx Ho6ng2 dd ww") == "Nguyeenx Ho6ng2 dd ww")
        #expect(off.type("s", after: "a") == "as")
    }

    /// A system IME or a paste sends composed letters: inserted as is, NFC.
    @Test(arguments: [InputMethodKind.telex, .vni, .off])
    func composedInputPassesThrough(_ kind: InputMethodKind) {
        let c = VietnameseComposer(kind: kind)
        #expect(c.type("ễ", after: "Nguy") == "Nguyễ")
        #expect(c.type("n", after: "Nguyễ") == "Nguyễn")
        #expect("Nguyễn Hồng Sự".reduce(into: "") { $0 = c.type($1, after: $0) } == "Nguyễn Hồng Sự")
        #expect(c.type("à", after: "ho") == "hoà")   // the IME's style is kept, whatever ours
    }

    @Test func decomposedTextBeforeTheCursorComesOutNFC() {
        let c = VietnameseComposer(kind: .telex)
        let decomposed = "Nguye\u{0302}\u{0303}"            // "Nguyễ" in NFD
        #expect(c.type("n", after: decomposed) == "Nguyễn")
        #expect(c.type("\u{0301}", after: "a") == "á")     // a lone combining mark composes
        #expect(c.type("f", after: "Vie\u{0302}t") == "Viềt")
    }

    @Test func onlyTheLastWordChanges() {
        let c = VietnameseComposer(kind: .telex)
        #expect(c.type("s", after: "hoa hoa") == "hoa hóa")
        #expect(c.type("f", after: "Trần Van") == "Trần Vàn")
        #expect(c.type("s", after: "ñan") == "ñán")         // ñ is not Vietnamese: a boundary
        #expect(c.type(" ", after: "hoà") == "hoà ")        // a word left alone is not re-spelled
    }

    // MARK: Properties

    static let keys: [Character] = Array("aeiouydwszfrxjqngthcAEOUWDSFRXJ 0123456789.ăâêôơưđễ")

    @Test func outputIsNFCAndOffIsIdentity() async {
        await propertyCheck(input: Gen.element(of: Self.keys).map { $0 ?? "a" }.string(of: 0...20)) { keys in
            for kind in [InputMethodKind.telex, .vni] {
                for style in [ToneStyle.new, .old] {
                    let out = VietnameseComposer(kind: kind, toneStyle: style).compose(keys)
                    #expect(out == out.precomposedStringWithCanonicalMapping, "\(kind) \(keys)")
                }
            }
            #expect(VietnameseComposer(kind: .off).compose(keys) == keys)
        }
    }

    /// Whatever was typed, the text up to the last space is never touched.
    @Test func textBeforeTheLastWordIsKept() async {
        let word = Gen.element(of: Self.keys).map { $0 ?? "a" }.string(of: 0...8)
        await propertyCheck(input: word, word, Gen.element(of: Self.keys).map { $0 ?? "a" }) { a, b, key in
            for kind in [InputMethodKind.telex, .vni] {
                let c = VietnameseComposer(kind: kind)
                let before = c.compose(a) + " " + c.compose(b)
                guard let space = before.lastIndex(of: " ") else { continue }
                let kept = before[...space]
                #expect(c.type(key, after: before).hasPrefix(kept), "\(kind) \(before) + \(key)")
            }
        }
    }
}
