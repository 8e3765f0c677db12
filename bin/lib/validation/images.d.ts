import { ImageReference } from "../../policy/rulebook/images";
import { VmSizeData } from "../../policy/rulebook/vmSizes";
/** Parses an image URN as the az CLI writes it, `publisher:offer:sku:version`. */
export declare function parseImageUrn(setting: string, urn: string): ImageReference;
/** An image Azure Backup supports: no CoreOS or Flatcar, no Windows Server older than 2008 R2. */
export declare function checkImage(setting: string, image: ImageReference): void;
/** A supported Linux image, for VMs that cloud-init sets up. */
export declare function checkLinuxImage(setting: string, image: ImageReference): void;
/**
 * The VMs this project creates are Trusted Launch: their image and size must support it. The
 * size is judged by Azure's size data where it is at hand (a size missing from Azure's whole
 * list is not offered in the region), by its family otherwise.
 */
export declare function checkTrustedLaunch(imageSetting: string, image: ImageReference | undefined, sizeSetting: string, size: string, sizes?: VmSizeData): void;
