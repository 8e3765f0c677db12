"use strict";
/** Marketplace images: which ones Azure Backup protects, and which ones boot as Trusted Launch. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUPPORTED_IMAGES = void 0;
exports.formatImageUrn = formatImageUrn;
exports.isSupportedImage = isSupportedImage;
exports.isWindowsImage = isWindowsImage;
exports.isGen2Image = isGen2Image;
/** Writes an image as its URN, `publisher:offer:sku:version` (the version `latest` when absent). */
function formatImageUrn(image) {
    return [image.publisher, image.offer, image.sku, image.version ?? "latest"].join(":");
}
/** Container Linux distributions, which Azure Backup does not support. */
const CONTAINER_LINUX = /coreos|flatcar/i;
const WINDOWS_SERVER_OFFER = /^WindowsServer$/i;
/** Windows Server SKUs older than 2008 R2: the years 2000 to 2007, and 2008 without R2. */
const PRE_2008_R2_SKU = /^(?:200[0-7]|2008(?![-_]?r2))(?!\d)/i;
const WINDOWS = /windows/i;
/**
 * Whether Azure Backup supports a marketplace image: Azure-endorsed Linux distributions other
 * than CoreOS (and its successor Flatcar), Windows Server 2008 R2 or newer.
 * https://learn.microsoft.com/azure/backup/backup-support-matrix-iaas#operating-system-support-linux
 */
function isSupportedImage(image) {
    const containerLinux = [image.publisher, image.offer].some((name) => typeof name === "string" && CONTAINER_LINUX.test(name));
    const oldWindows = WINDOWS_SERVER_OFFER.test(image.offer ?? "") && PRE_2008_R2_SKU.test(image.sku ?? "");
    return !containerLinux && !oldWindows;
}
exports.SUPPORTED_IMAGES = "an Azure-endorsed Linux distribution other than CoreOS and Flatcar, or Windows Server 2008 R2 or newer";
/** Whether the image is a Windows one, by its publisher or offer. */
function isWindowsImage(image) {
    return [image.publisher, image.offer].some((name) => typeof name === "string" && WINDOWS.test(name));
}
/** Marketplace SKUs named for Generation 1, and Windows Server before 2016 (Gen1 only): they cannot boot as Trusted Launch. */
const GEN1_SKU = /gen1|^(?:2008|2012)/i;
/** Whether the image is a Generation 2 image, which Trusted Launch needs. */
function isGen2Image(image) {
    return !GEN1_SKU.test(image.sku ?? "");
}
