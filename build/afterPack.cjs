// electron-builder afterPack hook: burns Touchline's Electron fuses into the packaged binary, before any signing.
const { FuseV1Options, FuseVersion } = require('@electron/fuses')
const { Arch } = require('builder-util')

/**
 * Exactly the fuses Touchline sets. The app never needs Electron to act as Node, reads no NODE_OPTIONS and takes no
 * --inspect flags; cookies are encrypted at rest; the app loads only from its (integrity-checked) app.asar.
 * Asar integrity is validated on macOS and Windows; Electron does not check it on Linux.
 */
const FUSES = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true
})

/**
 * The @electron/fuses config for one packaged app. Flipping a fuse invalidates the signature Apple silicon requires,
 * so arm64 macOS builds get a fresh ad-hoc one (a real signature, if configured, is applied after this hook).
 */
function fuseConfig(electronPlatformName, arch) {
  const mac = electronPlatformName === 'darwin' || electronPlatformName === 'mas'
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: mac && (arch === Arch.arm64 || arch === Arch.universal),
    ...FUSES
  }
}

/**
 * electron-builder calls this after copying the app and before signing. `addElectronFuses` finds the packaged
 * executable for the platform (Touchline.exe, Touchline.app, touchline) and calls @electron/fuses' flipFuses on it.
 */
async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName, context.arch))
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.FUSES = FUSES
module.exports.fuseConfig = fuseConfig
