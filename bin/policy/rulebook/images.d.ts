/** Marketplace images: which ones Azure Backup protects, and which ones boot as Trusted Launch. */
/** A marketplace image, as in a VM's `storageProfile.imageReference`. */
export interface ImageReference {
    publisher: string;
    offer: string;
    sku: string;
    version: string;
}
/** Writes an image as its URN, `publisher:offer:sku:version` (the version `latest` when absent). */
export declare function formatImageUrn(image: Partial<ImageReference>): string;
/**
 * Whether Azure Backup supports a marketplace image: Azure-endorsed Linux distributions other
 * than CoreOS (and its successor Flatcar), Windows Server 2008 R2 or newer.
 * https://learn.microsoft.com/azure/backup/backup-support-matrix-iaas#operating-system-support-linux
 */
export declare function isSupportedImage(image: Partial<ImageReference>): boolean;
export declare const SUPPORTED_IMAGES = "an Azure-endorsed Linux distribution other than CoreOS and Flatcar, or Windows Server 2008 R2 or newer";
/** Whether the image is a Windows one, by its publisher or offer. */
export declare function isWindowsImage(image: Partial<ImageReference>): boolean;
/** Whether the image is a Generation 2 image, which Trusted Launch needs. */
export declare function isGen2Image(image: Partial<ImageReference>): boolean;
